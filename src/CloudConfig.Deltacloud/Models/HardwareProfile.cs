namespace CloudConfig.Deltacloud;

/// <summary>A hardware profile (instance type). A profile with no properties is opaque: the cloud decides.</summary>
/// <param name="Id">The profile id.</param>
public sealed record HardwareProfile(string Id)
{
    /// <summary>The profile's URL.</summary>
    public string? Href { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The properties; empty for an opaque profile.</summary>
    public IReadOnlyList<HardwareProfileProperty> Properties { get; init; } = [];

    /// <summary>Whether the profile declares no properties.</summary>
    public bool IsOpaque => Properties.Count == 0;

    /// <summary>The named property, or <see langword="null"/>.</summary>
    public HardwareProfileProperty? FindProperty(string name) =>
        Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
