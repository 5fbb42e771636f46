namespace CloudConfig.Deltacloud;

/// <summary>Deltacloud's fixed units; JSON drops them, so they are restored from here.</summary>
internal static class HardwarePropertyUnits
{
    public static string? For(string propertyName) => propertyName switch
    {
        "memory" => "MB",
        "storage" => "GB",
        "cpu" => "count",
        "architecture" => "label",
        _ => null,
    };

    public static HardwarePropertyKind ParseKind(string? kind) => kind switch
    {
        "fixed" => HardwarePropertyKind.Fixed,
        "range" => HardwarePropertyKind.Range,
        "enum" => HardwarePropertyKind.Enum,
        _ => HardwarePropertyKind.Unknown,
    };
}
