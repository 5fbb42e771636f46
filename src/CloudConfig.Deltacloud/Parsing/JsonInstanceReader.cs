using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace CloudConfig.Deltacloud;

/// <summary>
/// Reads a JSON instance list in one forward pass with <see cref="Utf8JsonReader"/>: lists of thousands of instances
/// are the one large answer a server gives, and building a <see cref="JsonDocument"/> first, then looking each field
/// up in it, cost more than the reading. It takes only the shapes the server sends for a list (a bare array, or an
/// object whose first property is its one <c>instances</c> array) and only documents that parse. For anything else
/// (a single instance, repeated keys it cannot settle alone, malformed JSON, an item without an id) it says null and
/// the caller reads the document with <see cref="JsonDocument"/> as before: the same answer or the same error.
/// </summary>
internal static partial class JsonInstanceReader
{
    public static List<Instance>? TryParse(string body)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(body));
        try
        {
            // An unpaired surrogate stays the document reader's to report, as before.
            if (Utf8.FromUtf16(body, rented, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return null;
            }

            var reader = new Utf8JsonReader(rented.AsSpan(0, written));
            var instances = ReadRoot(ref reader, new Scratch());

            // Whatever follows must still be well-formed, as the document reader insists.
            while (instances is not null && reader.Read())
            {
            }

            return instances;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static List<Instance>? ReadRoot(ref Utf8JsonReader reader, Scratch scratch)
    {
        if (!reader.Read())
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return ReadItems(ref reader, scratch);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        // The list comes first as the server writes it; anything else (a single instance above all, whose
        // first property tells) goes to the document reader at once, without reading on.
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("instances"u8)
            || !reader.Read() || reader.TokenType != JsonTokenType.StartArray
            || ReadItems(ref reader, scratch) is not { } instances)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // A second list is the document reader's to settle (its lookup takes the last one).
            if (reader.ValueTextEquals("instances"u8))
            {
                return null;
            }

            reader.Read();
            reader.Skip();
        }

        return instances;
    }

    private static List<Instance>? ReadItems(ref Utf8JsonReader reader, Scratch scratch)
    {
        var instances = new List<Instance>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || ReadInstance(ref reader, scratch) is not { } instance)
            {
                return null;
            }

            instances.Add(instance);
        }

        return instances;
    }

    /// <summary>One instance object, the last of repeated properties winning as with lookups; null without an id.</summary>
    private static Instance? ReadInstance(ref Utf8JsonReader r, Scratch scratch)
    {
        var f = default(JsonInstanceFields);
        AuthenticationDetails? authentication = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var field = Classify(ref r);
            r.Read();
            switch (field)
            {
                case InstanceField.Id: f.Id = Value(ref r); break;
                case InstanceField.Href: f.Href = Value(ref r); break;
                case InstanceField.Name: f.Name = Value(ref r); break;
                case InstanceField.State: f.State = Value(ref r); break;
                case InstanceField.Owner: f.Owner = Value(ref r); break;
                case InstanceField.Image: f.ImageId = ReferenceId(ref r); break;
                case InstanceField.Realm: f.RealmId = ReferenceId(ref r); break;
                case InstanceField.Actions: f.Actions = Links(ref r, scratch.Links); break;
                case InstanceField.HardwareProfile: (f.ProfileId, f.Overrides) = Profile(ref r); break;
                case InstanceField.PublicAddresses: f.PublicAddresses = Addresses(ref r, scratch.Addresses); break;
                case InstanceField.PrivateAddresses: f.PrivateAddresses = Addresses(ref r, scratch.Addresses); break;
                case InstanceField.StorageVolumes: f.Volumes = Ids(ref r, scratch.Strings); break;
                case InstanceField.AuthenticationType: f.AuthenticationType = Value(ref r); break;
                case InstanceField.OwnerId: f.OwnerId = Value(ref r); break;
                case InstanceField.LaunchTime: f.LaunchTime = Value(ref r); break;
                case InstanceField.CreateTime: f.CreateTime = Value(ref r); break;
                case InstanceField.Authentication: authentication = Authentication(ref r); break;
                case InstanceField.Firewalls: f.Firewalls = Ids(ref r, scratch.Strings); break;
                default: r.Skip(); break;
            }
        }

        if (f.Id is null)
        {
            return null;
        }

        var login = f.AuthenticationType is null && authentication is null ? null : new InstanceAuthentication(f.AuthenticationType ?? string.Empty)
        {
            KeyName = authentication?.KeyName,
            Username = authentication?.Username,
            Password = authentication?.Password,
        };
        return f.ToInstance(login);
    }

    /// <summary>Lists reused by every instance of one document: an instance keeps an array of exactly its entries.</summary>
    private sealed class Scratch
    {
        public List<DeltacloudLink> Links { get; } = [];

        public List<InstanceAddress> Addresses { get; } = [];

        public List<string> Strings { get; } = [];
    }
}
