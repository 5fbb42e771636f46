using System.Text;

namespace CloudConfig.Deltacloud;

/// <summary>How to log in to an instance: a key pair name, or a user name and password.</summary>
/// <param name="Type">The server's authentication type, <c>key</c> or <c>password</c>.</param>
public sealed record InstanceAuthentication(string Type)
{
    /// <summary>The key pair name, for key authentication.</summary>
    public string? KeyName { get; init; }

    /// <summary>The user name, for password authentication.</summary>
    public string? Username { get; init; }

    /// <summary>The password, for password authentication. A secret: left out of <see cref="ToString"/>.</summary>
    public string? Password { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Type = ").Append(Type)
            .Append(", KeyName = ").Append(KeyName)
            .Append(", Username = ").Append(Username)
            .Append(", Password = ").Append(Password is null ? "(none)" : "[hidden]");
        return true;
    }
}
