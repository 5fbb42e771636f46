using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Protocol;

/// <summary>The body of a pre-registration: it carries the credential's hash, never a secret.</summary>
public sealed record RegistrationMessage
{
    /// <summary>The entry's id.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>The configuration.</summary>
    public required ConfigurationContent Configuration { get; init; }

    /// <summary>
    /// The boot secret's (or pool credential's) hash (<see cref="SecretHash"/>): <c>sha256:</c> and the base64url
    /// (no padding: 43 characters) of the SHA-256 of the secret's UTF-8 bytes.
    /// </summary>
    public required string CredentialHash { get; init; }

    /// <summary>The domain.</summary>
    public string Domain { get; init; } = "";

    /// <summary>The cache addresses the instance may use.</summary>
    public IReadOnlyList<string> ConfigHosts { get; init; } = [];

    /// <summary>The dynamic pool, if any.</summary>
    public string? DynamicPool { get; init; }

    /// <summary>The message for a registration.</summary>
    public static RegistrationMessage From(ConfigRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new()
        {
            Uuid = registration.Uuid,
            Configuration = registration.Configuration,
            CredentialHash = registration.CredentialHash.ToString(),
            Domain = registration.Domain,
            ConfigHosts = registration.ConfigHosts,
            DynamicPool = registration.DynamicPool,
        };
    }

    // Source-generated JSON sets init-only members like constructor arguments, so a member missing from the
    // body arrives as null rather than its initializer: the defaults are restored here.
    /// <summary>The registration this message describes.</summary>
    /// <exception cref="InvalidConfigInputException">The hash is not a secret hash.</exception>
    public ConfigRegistration ToRegistration() =>
        new(Uuid, Configuration, SecretHash.Parse(CredentialHash, "credentialHash"))
        {
            Domain = Domain ?? "",
            ConfigHosts = ConfigHosts ?? [],
            DynamicPool = DynamicPool,
        };
}
