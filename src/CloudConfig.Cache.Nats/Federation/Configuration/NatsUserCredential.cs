namespace CloudConfig.Cache.Nats;

/// <summary>A user name and password in a generated nats-server configuration.</summary>
/// <param name="User">The user name.</param>
/// <param name="Password">The password; keep the generated files readable by the server's user only.</param>
public sealed record NatsUserCredential(string User, string Password)
{
    /// <summary>Never the password.</summary>
    public override string ToString() => $"{User} [password]";
}
