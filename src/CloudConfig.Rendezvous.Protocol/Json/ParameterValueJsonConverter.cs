using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Protocol;

/// <summary>
/// Writes a <see cref="ParameterValue"/> as a plain JSON value and reads it back with its kind intact: a number
/// with a fraction or exponent is a <see cref="ParameterKind.Number"/>, one without is an
/// <see cref="ParameterKind.Integer"/>. Integers keep every digit (beyond 2^53) and numbers keep the sign of zero,
/// which is why numbers are always written with a fraction or an exponent.
/// </summary>
public sealed class ParameterValueJsonConverter : JsonConverter<ParameterValue>
{
    /// <inheritdoc />
    public override ParameterValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return ParameterValue.FromString(reader.GetString()!);
            case JsonTokenType.True:
                return ParameterValue.FromBoolean(true);
            case JsonTokenType.False:
                return ParameterValue.FromBoolean(false);
            case JsonTokenType.Number when IsInteger(ref reader):
                return reader.TryGetInt64(out var integer)
                    ? ParameterValue.FromInteger(integer)
                    : throw new JsonException("An integer parameter must fit in 64 bits.");
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var number) && double.IsFinite(number)
                    ? ParameterValue.FromNumber(number)
                    : throw new JsonException("A number parameter must be a finite double.");
            default:
                throw new JsonException("A parameter must be a string, a number or a boolean.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ParameterValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value.Kind)
        {
            case ParameterKind.String:
                writer.WriteStringValue(value.AsString());
                break;
            case ParameterKind.Integer:
                writer.WriteNumberValue(value.AsInteger());
                break;
            case ParameterKind.Boolean:
                writer.WriteBooleanValue(value.AsBoolean());
                break;
            default:
                writer.WriteRawValue(FormatNumber(value.AsNumber()), skipInputValidation: true);
                break;
        }
    }

    private static bool IsInteger(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return raw.IndexOfAny(".eE"u8) < 0;
    }

    private static string FormatNumber(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new JsonException("A number parameter must be finite; JSON has no NaN or infinities.");
        }

        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny('.', 'E', 'e') < 0 ? text + ".0" : text;
    }
}
