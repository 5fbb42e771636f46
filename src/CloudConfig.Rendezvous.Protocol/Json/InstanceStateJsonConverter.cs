using System.Text.Json;
using System.Text.Json.Serialization;
using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Protocol;

/// <summary>
/// Writes an <see cref="InstanceState"/> as a lowercase name. Reads names only (never integers); a name this
/// version does not know reads as <see cref="InstanceState.Unknown"/>, so a newer agent's state does not fail.
/// </summary>
public sealed class InstanceStateJsonConverter : JsonConverter<InstanceState>
{
    /// <inheritdoc />
    public override InstanceState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A state must be a name such as \"configured\".");
        }

        return reader.GetString() switch
        {
            "registered" => InstanceState.Registered,
            "configuring" => InstanceState.Configuring,
            "configured" => InstanceState.Configured,
            "failed" => InstanceState.Failed,
            _ => InstanceState.Unknown,
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, InstanceState value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value switch
        {
            InstanceState.Registered => "registered",
            InstanceState.Configuring => "configuring",
            InstanceState.Configured => "configured",
            InstanceState.Failed => "failed",
            _ => "unknown",
        });
    }
}
