namespace CloudConfig.Deltacloud.Embedded;

/// <summary>How a hardware profile property may vary at create time.</summary>
public enum EmbeddedHardwarePropertyKind
{
    /// <summary>One value only.</summary>
    Fixed,

    /// <summary>Any value from <see cref="EmbeddedHardwareProperty.First"/> to <see cref="EmbeddedHardwareProperty.Last"/>.</summary>
    Range,

    /// <summary>One of <see cref="EmbeddedHardwareProperty.Values"/>.</summary>
    Enum,
}
