using System.Text;

namespace CloudConfig.Deltacloud;

/// <summary>A key pair or password credential.</summary>
/// <param name="Id">The key id (its name).</param>
public sealed record Key(string Id)
{
    /// <summary>The key's URL.</summary>
    public string? Href { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The credential type, <c>key</c> or <c>password</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The key fingerprint.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The private key in PEM form, returned when the key was just created. A secret: left out of <see cref="ToString"/>.</summary>
    public string? PrivateKeyPem { get; init; }

    /// <summary>The user name of a password credential.</summary>
    public string? Username { get; init; }

    /// <summary>The password of a password credential. A secret: left out of <see cref="ToString"/>.</summary>
    public string? Password { get; init; }

    /// <summary>The state, when the cloud gives one.</summary>
    public string? State { get; init; }

    /// <summary>The actions the key lists (<c>destroy</c>).</summary>
    public IReadOnlyList<DeltacloudLink> Actions { get; init; } = [];

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", Name = ").Append(Name)
            .Append(", Type = ").Append(Type)
            .Append(", Fingerprint = ").Append(Fingerprint)
            .Append(", PrivateKeyPem = ").Append(PrivateKeyPem is null ? "(none)" : "[hidden]")
            .Append(", Password = ").Append(Password is null ? "(none)" : "[hidden]");
        return true;
    }
}
