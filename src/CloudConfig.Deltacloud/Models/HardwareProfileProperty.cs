namespace CloudConfig.Deltacloud;

/// <summary>A property of a hardware profile (<c>cpu</c>, <c>memory</c>, <c>storage</c>, <c>architecture</c>).</summary>
/// <param name="Name">The property name.</param>
/// <param name="Kind">Fixed, range or enum; <see cref="HardwarePropertyKind.Unknown"/> from JSON, which drops it.</param>
/// <param name="Value">The value, or the default for range and enum properties.</param>
public sealed record HardwareProfileProperty(string Name, HardwarePropertyKind Kind, string Value)
{
    /// <summary>The unit: <c>MB</c> for memory, <c>GB</c> for storage, <c>count</c> for cpu, <c>label</c> for architecture.</summary>
    public string? Unit { get; init; }

    /// <summary>The create parameter that overrides it, for example <c>hwp_memory</c>.</summary>
    public string? ParameterName { get; init; }

    /// <summary>The lowest value of a range.</summary>
    public string? RangeFirst { get; init; }

    /// <summary>The highest value of a range.</summary>
    public string? RangeLast { get; init; }

    /// <summary>The allowed values of an enum.</summary>
    public IReadOnlyList<string> EnumValues { get; init; } = [];
}
