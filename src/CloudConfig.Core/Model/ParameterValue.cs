using System.Globalization;

namespace CloudConfig.Core;

/// <summary>
/// One typed value in an instance's parameter map (the schema's <c>parameter_map</c>: string keys, typed values).
/// Every cache and every wire format hands it back exactly as it was given.
/// </summary>
public readonly struct ParameterValue : IEquatable<ParameterValue>
{
    private readonly string? _text;
    private readonly long _integer;
    private readonly double _number;

    private ParameterValue(ParameterKind kind, string? text, long integer, double number)
    {
        Kind = kind;
        _text = text;
        _integer = integer;
        _number = number;
    }

    /// <summary>The value's type.</summary>
    public ParameterKind Kind { get; }

    /// <summary>A text value.</summary>
    public static ParameterValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ParameterKind.String, value, 0, 0);
    }

    /// <summary>An integer value.</summary>
    public static ParameterValue FromInteger(long value) => new(ParameterKind.Integer, null, value, 0);

    /// <summary>A number; it must be finite because no wire format carries NaN or infinities faithfully.</summary>
    public static ParameterValue FromNumber(double value) => new(ParameterKind.Number, null, 0, value);

    /// <summary>A boolean value.</summary>
    public static ParameterValue FromBoolean(bool value) => new(ParameterKind.Boolean, null, value ? 1 : 0, 0);

    /// <summary>Converts text.</summary>
    public static implicit operator ParameterValue(string value) => FromString(value);

    /// <summary>Converts an integer.</summary>
    public static implicit operator ParameterValue(long value) => FromInteger(value);

    /// <summary>Converts a number.</summary>
    public static implicit operator ParameterValue(double value) => FromNumber(value);

    /// <summary>Converts a boolean.</summary>
    public static implicit operator ParameterValue(bool value) => FromBoolean(value);

    /// <summary>The text; throws unless <see cref="Kind"/> is <see cref="ParameterKind.String"/>.</summary>
    public string AsString() => Kind == ParameterKind.String ? _text! : throw WrongKind(ParameterKind.String);

    /// <summary>The integer; throws unless <see cref="Kind"/> is <see cref="ParameterKind.Integer"/>.</summary>
    public long AsInteger() => Kind == ParameterKind.Integer ? _integer : throw WrongKind(ParameterKind.Integer);

    /// <summary>The number; throws unless <see cref="Kind"/> is <see cref="ParameterKind.Number"/>.</summary>
    public double AsNumber() => Kind == ParameterKind.Number ? _number : throw WrongKind(ParameterKind.Number);

    /// <summary>The boolean; throws unless <see cref="Kind"/> is <see cref="ParameterKind.Boolean"/>.</summary>
    public bool AsBoolean() => Kind == ParameterKind.Boolean ? _integer != 0 : throw WrongKind(ParameterKind.Boolean);

    /// <summary>Whether a number is finite (every other kind is always valid).</summary>
    public bool IsValid => Kind != ParameterKind.Number || double.IsFinite(_number);

    /// <inheritdoc />
    public bool Equals(ParameterValue other) => Kind == other.Kind && Kind switch
    {
        ParameterKind.String => string.Equals(_text, other._text, StringComparison.Ordinal),
        // Bitwise, so that 0.0 and -0.0 stay distinct: "exactly as given" includes the sign of zero.
        ParameterKind.Number => BitConverter.DoubleToInt64Bits(_number) == BitConverter.DoubleToInt64Bits(other._number),
        _ => _integer == other._integer,
    };

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ParameterValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Kind switch
    {
        ParameterKind.String => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(_text!)),
        ParameterKind.Number => HashCode.Combine(Kind, BitConverter.DoubleToInt64Bits(_number)),
        _ => HashCode.Combine(Kind, _integer),
    };

    /// <summary>Equality.</summary>
    public static bool operator ==(ParameterValue left, ParameterValue right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ParameterValue left, ParameterValue right) => !left.Equals(right);

    /// <summary>The value in invariant culture (numbers round-trip).</summary>
    public override string ToString() => Kind switch
    {
        ParameterKind.String => _text!,
        ParameterKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        ParameterKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        _ => _integer != 0 ? "true" : "false",
    };

    private InvalidOperationException WrongKind(ParameterKind wanted) =>
        new($"The parameter is a {Kind}, not a {wanted}.");
}
