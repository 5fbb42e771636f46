namespace CloudConfig.Deltacloud.Embedded;

/// <summary>A hardware profile the embedded cloud lists under <c>/api/hardware_profiles</c>.</summary>
/// <param name="Id">The profile id (also its name), such as <c>m1-small</c>.</param>
/// <param name="Properties">The properties; none for an opaque profile.</param>
public sealed record EmbeddedHardwareProfile(string Id, IReadOnlyList<EmbeddedHardwareProperty> Properties);
