namespace CloudConfig.Deltacloud.Embedded;

/// <summary>A property of a hardware profile (<c>cpu</c>, <c>memory</c>, <c>storage</c> or <c>architecture</c>).</summary>
public sealed record EmbeddedHardwareProperty
{
    private EmbeddedHardwareProperty(string name, EmbeddedHardwarePropertyKind kind, string value)
    {
        Name = name;
        Kind = kind;
        Value = value;
    }

    /// <summary>The property name: <c>cpu</c>, <c>memory</c>, <c>storage</c> or <c>architecture</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the value is fixed, a range or an enumeration.</summary>
    public EmbeddedHardwarePropertyKind Kind { get; }

    /// <summary>The value, or the default value for a range or an enumeration.</summary>
    public string Value { get; }

    /// <summary>The lower bound of a range.</summary>
    public string? First { get; private init; }

    /// <summary>The upper bound of a range.</summary>
    public string? Last { get; private init; }

    /// <summary>The allowed values of an enumeration.</summary>
    public IReadOnlyList<string> Values { get; private init; } = [];

    /// <summary>The unit the Deltacloud API prints for this property.</summary>
    public string Unit => UnitOf(Name);

    /// <summary>A property with one value.</summary>
    public static EmbeddedHardwareProperty Fixed(string name, string value) => new(name, EmbeddedHardwarePropertyKind.Fixed, value);

    /// <summary>A property ranging from <paramref name="first"/> to <paramref name="last"/>, defaulting to <paramref name="value"/>.</summary>
    public static EmbeddedHardwareProperty Range(string name, string value, string first, string last) =>
        new(name, EmbeddedHardwarePropertyKind.Range, value) { First = first, Last = last };

    /// <summary>A property taking one of <paramref name="values"/>, defaulting to <paramref name="value"/>.</summary>
    public static EmbeddedHardwareProperty Enum(string name, string value, params string[] values) =>
        new(name, EmbeddedHardwarePropertyKind.Enum, value) { Values = [.. values] };

    internal static string UnitOf(string name) => name switch
    {
        "memory" => "MB",
        "storage" => "GB",
        "cpu" => "count",
        _ => "label",
    };
}
