namespace CloudConfig.Core;

/// <summary>One instance to provision: what to start, and the configuration it must fetch once it boots.</summary>
/// <param name="Launch">
/// What to start. Its <see cref="InstanceLaunchRequest.UserData"/> is ignored: the provisioner sets it to the boot
/// string. Its <see cref="InstanceLaunchRequest.Name"/> must be <see langword="null"/>: the provisioner names the
/// instance <see cref="ConfigProvisioner.InstanceNameFor"/> its uuid, which is how a lost create is reconciled and how
/// <see cref="ConfigProvisioner.DeprovisionAsync"/> finds the instance from the uuid alone.
/// </param>
/// <param name="Configuration">The configuration the instance applies.</param>
public sealed record ProvisionRequest(InstanceLaunchRequest Launch, ConfigurationContent Configuration)
{
    /// <summary>The domain to register the entry in; the options' default when null.</summary>
    public string? Domain { get; init; }

    /// <summary>The cache addresses the instance may fall back to.</summary>
    public IReadOnlyList<string> ConfigHosts { get; init; } = [];
}
