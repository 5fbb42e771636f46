using System.Collections.ObjectModel;

namespace CloudConfig.Deltacloud;

/// <summary>An instance as the server describes it.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="State">The state; unknown states are kept.</param>
public sealed record Instance(string Id, DeltacloudInstanceState State)
{
    /// <summary>The instance's own URL.</summary>
    public string? Href { get; init; }

    /// <summary>The instance's name.</summary>
    public string? Name { get; init; }

    /// <summary>The owner.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The image it booted from.</summary>
    public string? ImageId { get; init; }

    /// <summary>The realm it runs in.</summary>
    public string? RealmId { get; init; }

    /// <summary>The hardware profile.</summary>
    public string? HardwareProfileId { get; init; }

    /// <summary>Properties that differ from the profile's defaults (<c>memory</c>, <c>cpu</c>, …), as strings.</summary>
    /// <remarks>Empty by default without allocating: the parsers always set it, and a default built per instance was thrown away.</remarks>
    public IReadOnlyDictionary<string, string> HardwareProfileOverrides { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The actions allowed in the current state.</summary>
    public IReadOnlyList<DeltacloudLink> Actions { get; init; } = [];

    /// <summary>Public addresses.</summary>
    public IReadOnlyList<InstanceAddress> PublicAddresses { get; init; } = [];

    /// <summary>Private addresses.</summary>
    public IReadOnlyList<InstanceAddress> PrivateAddresses { get; init; } = [];

    /// <summary>When it was launched, as the server formats it.</summary>
    public string? LaunchTime { get; init; }

    /// <summary>How to log in, when the server says.</summary>
    public InstanceAuthentication? Authentication { get; init; }

    /// <summary>Firewall (security group) names.</summary>
    public IReadOnlyList<string> Firewalls { get; init; } = [];

    /// <summary>Attached storage volume ids.</summary>
    public IReadOnlyList<string> StorageVolumeIds { get; init; } = [];

    /// <summary>The link for an action, or <see langword="null"/> when the current state does not allow it.</summary>
    public DeltacloudLink? FindAction(string rel) =>
        Actions.FirstOrDefault(a => string.Equals(a.Rel, rel, StringComparison.Ordinal));

    /// <summary>Whether the instance lists the action.</summary>
    public bool CanPerform(string rel) => FindAction(rel) is not null;
}
