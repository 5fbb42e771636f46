namespace CloudConfig.Core;

/// <summary>What to start: the image, the machine's shape and placement, and the user data to pass.</summary>
/// <param name="ImageId">The image to boot.</param>
public sealed record InstanceLaunchRequest(string ImageId)
{
    /// <summary>
    /// The instance's name; a unique name lets a launcher reconcile a create whose answer was lost. Leave it
    /// <see langword="null"/> in a <see cref="ProvisionRequest"/>: the provisioner names the instance after its uuid.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>The hardware profile (instance type).</summary>
    public string? HardwareProfileId { get; init; }

    /// <summary>Overrides of the hardware profile's properties, such as <c>memory</c>, <c>cpu</c>, <c>storage</c>, <c>architecture</c>.</summary>
    public IReadOnlyDictionary<string, string> HardwareProfileOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>The realm (availability zone or data centre).</summary>
    public string? RealmId { get; init; }

    /// <summary>The name of the key pair to install.</summary>
    public string? KeyName { get; init; }

    /// <summary>The user data, in plain text; the launcher encodes it as the cloud needs. For CloudConfig, the boot string.</summary>
    /// <remarks>It carries a secret: never log it.</remarks>
    public string? UserData { get; init; }

    /// <summary>The request without its user data, safe to log.</summary>
    public override string ToString() =>
        $"image {ImageId}, name {Name ?? "(none)"}, profile {HardwareProfileId ?? "(default)"}, realm {RealmId ?? "(default)"}, user data {(UserData is null ? "none" : "[hidden]")}";
}
