namespace CloudConfig.Deltacloud.Embedded;

/// <summary>A snapshot of one instance of the embedded cloud, as the boot hook and <see cref="EmbeddedDeltacloud.Instances"/> see it.</summary>
public sealed record EmbeddedInstance
{
    /// <summary>The instance id, such as <c>inst4</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The name given at create time, or the generated <c>i-&lt;unixtime&gt;</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The image the instance was started from.</summary>
    public required string ImageId { get; init; }

    /// <summary>The realm the instance runs in.</summary>
    public required string RealmId { get; init; }

    /// <summary>The hardware profile the instance was started with.</summary>
    public required string HardwareProfileId { get; init; }

    /// <summary>The <c>hwp_*</c> values given at create time, by property name (<c>memory</c>, <c>cpu</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> HardwareProfileOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>The state when the snapshot was taken.</summary>
    public required EmbeddedInstanceState State { get; init; }

    /// <summary>The key name given at create time, if any.</summary>
    public string? KeyName { get; init; }

    /// <summary>The user data the client sent, base64-decoded, as bytes; empty when none was sent.</summary>
    public ReadOnlyMemory<byte> UserDataBytes { get; init; }

    /// <summary>The user data the client sent, base64-decoded and read as UTF-8; <see langword="null"/> when none was sent.</summary>
    public string? UserData { get; init; }

    /// <summary>Public address labels (loopback addresses nothing listens on).</summary>
    public IReadOnlyList<string> PublicAddresses { get; init; } = [];

    /// <summary>Private address labels (loopback addresses nothing listens on).</summary>
    public IReadOnlyList<string> PrivateAddresses { get; init; } = [];

    /// <summary>When the create was accepted, by the configured <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    // Only the mock's seeded instances carry these; created instances have no network interfaces element.
    internal IReadOnlyList<string>? NetworkInterfaces { get; init; }

    internal string AddressType { get; init; } = "ipv4";

    internal bool CanCreateImage { get; init; } = true;
}
