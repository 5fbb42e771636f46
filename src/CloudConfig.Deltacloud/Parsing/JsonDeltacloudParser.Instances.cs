using System.Text.Json;

namespace CloudConfig.Deltacloud;

/// <summary>
/// The instance shape in JSON, read in one pass over its properties: lists of thousands of instances are the one
/// large answer a server gives, and a lookup per field scanned every property again. As with lookups, the last of
/// repeated properties wins, and a value of an unexpected kind reads as absent.
/// </summary>
internal sealed partial class JsonDeltacloudParser
{
    private static Instance ParseInstance(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("A JSON item has no id.");
        }

        var f = default(JsonInstanceFields);
        JsonElement? authentication = null;
        foreach (var p in e.EnumerateObject())
        {
            var v = p.Value;
            if (p.NameEquals("id"u8)) { f.Id = Str(v); }
            else if (p.NameEquals("href"u8)) { f.Href = Str(v); }
            else if (p.NameEquals("name"u8)) { f.Name = Str(v); }
            else if (p.NameEquals("state"u8)) { f.State = Str(v); }
            else if (p.NameEquals("owner"u8)) { f.Owner = Str(v); }
            else if (p.NameEquals("image"u8)) { f.ImageId = RefId(v); }
            else if (p.NameEquals("realm"u8)) { f.RealmId = RefId(v); }
            else if (p.NameEquals("actions"u8)) { f.Actions = LinkList(v); }
            else if (p.NameEquals("hardware_profile"u8)) { (f.ProfileId, f.Overrides) = (RefId(v), Overrides(v)); }
            else if (p.NameEquals("public_addresses"u8)) { f.PublicAddresses = Addresses(v); }
            else if (p.NameEquals("private_addresses"u8)) { f.PrivateAddresses = Addresses(v); }
            else if (p.NameEquals("storage_volumes"u8)) { f.Volumes = Ids(v); }
            else if (p.NameEquals("authentication_type"u8)) { f.AuthenticationType = Str(v); }
            else if (p.NameEquals("owner_id"u8)) { f.OwnerId = Str(v); }
            else if (p.NameEquals("launch_time"u8)) { f.LaunchTime = Str(v); }
            else if (p.NameEquals("create_time"u8)) { f.CreateTime = Str(v); }
            else if (p.NameEquals("authentication"u8)) { authentication = v; }
            else if (p.NameEquals("firewalls"u8)) { f.Firewalls = Ids(v); }
        }

        return f.ToInstance(Authentication(f.AuthenticationType, authentication));
    }

    private static string? RefId(JsonElement reference) =>
        reference.ValueKind == JsonValueKind.Object ? Str(reference, "id") : Str(reference);

    private static Dictionary<string, string> Overrides(JsonElement profile)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        if (profile.ValueKind == JsonValueKind.Object && profile.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                overrides.AddOnce(property.Name, Str(property.Value) ?? string.Empty, "hardware profile property");
            }
        }

        return overrides;
    }

    private static List<DeltacloudLink>? LinkList(JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var links = new List<DeltacloudLink>(list.GetArrayLength());
        foreach (var a in list.EnumerateArray())
        {
            links.Add(new DeltacloudLink(Str(a, "rel") ?? string.Empty, Str(a, "href") ?? string.Empty, Str(a, "method") ?? "post"));
        }

        return links;
    }

    private static List<InstanceAddress>? Addresses(JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var addresses = new List<InstanceAddress>(list.GetArrayLength());
        foreach (var a in list.EnumerateArray())
        {
            addresses.Add(a.ValueKind == JsonValueKind.Object
                ? new InstanceAddress(Str(a, "address") ?? string.Empty, new AddressType(Str(a, "type") ?? string.Empty)) { Port = Int(a, "port") }
                : new InstanceAddress(Str(a) ?? string.Empty, new AddressType(string.Empty)));
        }

        return addresses;
    }

    /// <summary>Ids of a list whose entries are objects with an id or plain values (firewalls, storage volumes).</summary>
    private static List<string>? Ids(JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var ids = new List<string>();
        foreach (var item in list.EnumerateArray())
        {
            if ((item.ValueKind == JsonValueKind.Object ? Str(item, "id") : Str(item)) is { } value)
            {
                ids.Add(value);
            }
        }

        return ids;
    }

    private static InstanceAuthentication? Authentication(string? type, JsonElement? details)
    {
        var hasDetails = details is { ValueKind: JsonValueKind.Object };
        if (type is null && !hasDetails)
        {
            return null;
        }

        var d = details.GetValueOrDefault();
        return new InstanceAuthentication(type ?? string.Empty)
        {
            KeyName = hasDetails ? Str(d, "keyname") : null,
            Username = hasDetails ? Str(d, "username") ?? Str(d, "user") : null,
            Password = hasDetails ? Str(d, "password") : null,
        };
    }
}
