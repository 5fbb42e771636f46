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
        string? id = null, href = null, name = null, state = null, owner = null, ownerId = null, launchTime = null, createTime = null;
        string? imageId = null, realmId = null, profileId = null, authenticationType = null;
        Dictionary<string, string>? overrides = null;
        DeltacloudLink[]? actions = null;
        InstanceAddress[]? publicAddresses = null, privateAddresses = null;
        string[]? firewalls = null, volumes = null;
        AuthenticationDetails? authentication = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var field = Classify(ref r);
            r.Read();
            switch (field)
            {
                case InstanceField.Id: id = Value(ref r); break;
                case InstanceField.Href: href = Value(ref r); break;
                case InstanceField.Name: name = Value(ref r); break;
                case InstanceField.State: state = Value(ref r); break;
                case InstanceField.Owner: owner = Value(ref r); break;
                case InstanceField.Image: imageId = ReferenceId(ref r); break;
                case InstanceField.Realm: realmId = ReferenceId(ref r); break;
                case InstanceField.Actions: actions = Links(ref r, scratch.Links); break;
                case InstanceField.HardwareProfile: (profileId, overrides) = Profile(ref r); break;
                case InstanceField.PublicAddresses: publicAddresses = Addresses(ref r, scratch.Addresses); break;
                case InstanceField.PrivateAddresses: privateAddresses = Addresses(ref r, scratch.Addresses); break;
                case InstanceField.StorageVolumes: volumes = Ids(ref r, scratch.Strings); break;
                case InstanceField.AuthenticationType: authenticationType = Value(ref r); break;
                case InstanceField.OwnerId: ownerId = Value(ref r); break;
                case InstanceField.LaunchTime: launchTime = Value(ref r); break;
                case InstanceField.CreateTime: createTime = Value(ref r); break;
                case InstanceField.Authentication: authentication = Authentication(ref r); break;
                case InstanceField.Firewalls: firewalls = Ids(ref r, scratch.Strings); break;
                default: r.Skip(); break;
            }
        }

        if (id is null)
        {
            return null;
        }

        return new Instance(id, new DeltacloudInstanceState(state ?? string.Empty))
        {
            Href = href,
            Name = name,
            OwnerId = owner ?? ownerId,
            ImageId = imageId,
            RealmId = realmId,
            HardwareProfileId = profileId,
            HardwareProfileOverrides = overrides ?? new Dictionary<string, string>(StringComparer.Ordinal),
            Actions = actions ?? [],
            PublicAddresses = publicAddresses ?? [],
            PrivateAddresses = privateAddresses ?? [],
            LaunchTime = launchTime ?? createTime,
            Authentication = authenticationType is null && authentication is null ? null : new InstanceAuthentication(authenticationType ?? string.Empty)
            {
                KeyName = authentication?.KeyName,
                Username = authentication?.Username,
                Password = authentication?.Password,
            },
            Firewalls = firewalls ?? [],
            StorageVolumeIds = volumes ?? [],
        };
    }

    /// <summary>Lists reused by every instance of one document: an instance keeps an array of exactly its entries.</summary>
    private sealed class Scratch
    {
        public List<DeltacloudLink> Links { get; } = [];

        public List<InstanceAddress> Addresses { get; } = [];

        public List<string> Strings { get; } = [];
    }
}
