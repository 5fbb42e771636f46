using System.Text.Json;
using System.Text.Json.Serialization;
using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Protocol;

/// <summary>
/// Writes a <see cref="ConfigurationContent"/> as <c>{"contentType": "...", "base64": "..."}</c>, so any bytes
/// (text or binary) travel exactly.
/// </summary>
public sealed class ConfigurationContentJsonConverter : JsonConverter<ConfigurationContent>
{
    private const string ContentTypeName = "contentType";
    private const string Base64Name = "base64";

    /// <inheritdoc />
    public override ConfigurationContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A configuration must be an object with contentType and base64.");
        }

        string? contentType = null;
        byte[]? bytes = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case ContentTypeName when contentType is null && reader.TokenType == JsonTokenType.String:
                    contentType = reader.GetString();
                    break;
                case Base64Name when bytes is null && reader.TokenType == JsonTokenType.String:
                    bytes = reader.TryGetBytesFromBase64(out var decoded) ? decoded : throw new JsonException("base64 is not valid base64.");
                    break;
                case ContentTypeName or Base64Name:
                    throw new JsonException($"{name} must be a string, given once.");
                default:
                    reader.Skip();
                    break;
            }
        }

        if (contentType is null || bytes is null)
        {
            throw new JsonException("A configuration needs contentType and base64.");
        }

        if (string.IsNullOrWhiteSpace(contentType))
        {
            throw new JsonException("contentType must not be empty.");
        }

        return ConfigurationContent.FromBytes(bytes, contentType);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ConfigurationContent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(ContentTypeName, value.ContentType);
        writer.WriteBase64String(Base64Name, value.Bytes.Span);
        writer.WriteEndObject();
    }
}
