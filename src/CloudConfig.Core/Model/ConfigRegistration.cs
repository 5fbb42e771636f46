namespace CloudConfig.Core;

/// <summary>
/// What the app pre-registers (<c>pre_register</c>): an id, a configuration and the hash of the credential
/// that will claim it. The plain credential never travels here: it stays with the app (in the boot string),
/// so remote and federated caches only ever see the hash.
/// </summary>
/// <param name="Uuid">The entry's id.</param>
/// <param name="Configuration">The configuration.</param>
/// <param name="CredentialHash">The boot secret's hash; for a dynamic entry, the pool credential's hash.</param>
public sealed record ConfigRegistration(Guid Uuid, ConfigurationContent Configuration, SecretHash CredentialHash)
{
    /// <summary>The domain the entry belongs to.</summary>
    public string Domain { get; init; } = "";

    /// <summary>The cache addresses the instance may use.</summary>
    public IReadOnlyList<string> ConfigHosts { get; init; } = [];

    /// <summary>For a dynamic entry, the pool that <c>assign_dynamic</c> hands it out from.</summary>
    public string? DynamicPool { get; init; }

    /// <summary>A registration bound to a boot secret (flows a and b).</summary>
    public static ConfigRegistration ForBootSecret(Guid uuid, ConfigurationContent configuration, Secret bootSecret)
    {
        ArgumentNullException.ThrowIfNull(bootSecret);
        return new ConfigRegistration(uuid, configuration, bootSecret.Hash());
    }

    /// <summary>A dynamic registration, handed out first come first served to holders of the pool credential (flow c).</summary>
    public static ConfigRegistration ForDynamicPool(Guid uuid, ConfigurationContent configuration, string pool, Secret poolCredential)
    {
        ArgumentNullException.ThrowIfNull(poolCredential);
        return new ConfigRegistration(uuid, configuration, poolCredential.Hash()) { DynamicPool = pool };
    }
}
