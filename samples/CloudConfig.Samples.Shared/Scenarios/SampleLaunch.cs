using CloudConfig.Core;

namespace CloudConfig.Samples.Shared;

/// <summary>Where the samples start instances: image, hardware profile, realm (the embedded cloud's defaults).</summary>
/// <param name="ImageId">The image id.</param>
/// <param name="HardwareProfileId">The hardware profile id, or the cloud's default.</param>
/// <param name="RealmId">The realm id, or the cloud's default.</param>
public sealed record SampleLaunch(string ImageId = "img1", string? HardwareProfileId = "m1-small", string? RealmId = null)
{
    /// <summary>A launch request for one instance.</summary>
    /// <param name="name">The instance's name, or one the provisioner picks.</param>
    /// <returns>The request.</returns>
    public InstanceLaunchRequest ToRequest(string? name = null) => new(ImageId)
    {
        Name = name,
        HardwareProfileId = HardwareProfileId,
        RealmId = RealmId,
    };
}
