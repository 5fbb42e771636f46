using System.Text.Json;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;

namespace CloudConfig.Rendezvous;

/// <summary>
/// Writes the body of an instance's fetch (an <see cref="InstanceConfigurationMessage"/>) straight from the
/// <see cref="InstanceConfiguration"/>, property by property: the same bytes as the source-generated serializer, without
/// the message object and the serializer's write stack (its converter for the configuration kept it off the
/// serializer's fast path: 376 bytes and twice this CPU per fetch). A test holds the two outputs equal.
/// </summary>
internal static class InstanceConfigurationJson
{
    private static readonly JsonEncodedText Uuid = JsonEncodedText.Encode("uuid");
    private static readonly JsonEncodedText Configuration = JsonEncodedText.Encode("configuration");
    private static readonly JsonEncodedText ContentType = JsonEncodedText.Encode("contentType");
    private static readonly JsonEncodedText Base64 = JsonEncodedText.Encode("base64");
    private static readonly JsonEncodedText Generation = JsonEncodedText.Encode("generation");
    private static readonly JsonEncodedText Domain = JsonEncodedText.Encode("domain");
    private static readonly JsonEncodedText ConfigHosts = JsonEncodedText.Encode("configHosts");

    /// <summary>Writes <paramref name="configuration"/> as its message, in the message's property order.</summary>
    public static void Write(Utf8JsonWriter writer, InstanceConfiguration configuration)
    {
        writer.WriteStartObject();
        writer.WriteString(Uuid, configuration.Uuid);
        writer.WriteStartObject(Configuration);
        writer.WriteString(ContentType, configuration.Configuration.ContentType);
        writer.WriteBase64String(Base64, configuration.Configuration.Bytes.Span);
        writer.WriteEndObject();
        writer.WriteNumber(Generation, configuration.Generation);
        // Null members are left out, as the serializer's options say (WhenWritingNull).
        if (configuration.Domain is { } domain)
        {
            writer.WriteString(Domain, domain);
        }

        if (configuration.ConfigHosts is { } hosts)
        {
            writer.WriteStartArray(ConfigHosts);
            for (var i = 0; i < hosts.Count; i++)
            {
                writer.WriteStringValue(hosts[i]);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
