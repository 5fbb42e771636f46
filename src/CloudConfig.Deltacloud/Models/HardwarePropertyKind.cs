namespace CloudConfig.Deltacloud;

/// <summary>How a hardware profile property may be chosen.</summary>
public enum HardwarePropertyKind
{
    /// <summary>The server sent a kind this client does not know, or none (JSON drops it).</summary>
    Unknown = 0,

    /// <summary>One value only.</summary>
    Fixed = 1,

    /// <summary>Any value between <see cref="HardwareProfileProperty.RangeFirst"/> and <see cref="HardwareProfileProperty.RangeLast"/>.</summary>
    Range = 2,

    /// <summary>One of <see cref="HardwareProfileProperty.EnumValues"/>.</summary>
    Enum = 3,
}
