using System.Text.Json;

namespace CloudConfig.Deltacloud;

/// <summary>The instance and image shapes in JSON.</summary>
internal sealed partial class JsonDeltacloudParser
{
    private static Instance ParseInstance(JsonElement e) => new(Id(e), new InstanceState(Str(e, "state") ?? string.Empty))
    {
        Href = Str(e, "href"),
        Name = Str(e, "name"),
        OwnerId = Str(e, "owner") ?? Str(e, "owner_id"),
        ImageId = RefId(e, "image"),
        RealmId = RefId(e, "realm"),
        HardwareProfileId = RefId(e, "hardware_profile"),
        HardwareProfileOverrides = e.TryGetProperty("hardware_profile", out var profile)
            ? Properties(profile).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : new Dictionary<string, string>(),
        Actions = Links(e),
        PublicAddresses = Addresses(e, "public_addresses"),
        PrivateAddresses = Addresses(e, "private_addresses"),
        LaunchTime = Str(e, "launch_time") ?? Str(e, "create_time"),
        Authentication = ParseAuthentication(e),
        Firewalls = Array(e, "firewalls").Select(f => f.ValueKind == JsonValueKind.Object ? Str(f, "id") : Str(f)).OfType<string>().ToList(),
        StorageVolumeIds = Array(e, "storage_volumes").Select(v => v.ValueKind == JsonValueKind.Object ? Str(v, "id") : Str(v)).OfType<string>().ToList(),
    };

    private static Image ParseImage(JsonElement e) => new(Id(e))
    {
        Href = Str(e, "href"),
        Name = Str(e, "name"),
        Description = Str(e, "description"),
        OwnerId = Str(e, "owner") ?? Str(e, "owner_id"),
        Architecture = Str(e, "architecture"),
        State = Str(e, "state"),
        CreationTime = Str(e, "creation_time"),
        RootType = Str(e, "root_type"),
        HardwareProfileIds = Array(e, "hardware_profiles").Select(p => Str(p, "id")).OfType<string>().ToList(),
        Actions = Links(e),
    };

    private static string? RefId(JsonElement e, string name) =>
        e.TryGetProperty(name, out var reference) ? (reference.ValueKind == JsonValueKind.Object ? Str(reference, "id") : Str(reference)) : null;

    private static List<InstanceAddress> Addresses(JsonElement e, string name) =>
        Array(e, name)
            .Select(a => a.ValueKind == JsonValueKind.Object
                ? new InstanceAddress(Str(a, "address") ?? string.Empty, new AddressType(Str(a, "type") ?? string.Empty)) { Port = Int(a, "port") }
                : new InstanceAddress(Str(a) ?? string.Empty, new AddressType(string.Empty)))
            .ToList();

    private static InstanceAuthentication? ParseAuthentication(JsonElement e)
    {
        var type = Str(e, "authentication_type");
        var hasDetails = e.TryGetProperty("authentication", out var details) && details.ValueKind == JsonValueKind.Object;
        if (type is null && !hasDetails)
        {
            return null;
        }

        return new InstanceAuthentication(type ?? string.Empty)
        {
            KeyName = hasDetails ? Str(details, "keyname") : null,
            Username = hasDetails ? Str(details, "username") ?? Str(details, "user") : null,
            Password = hasDetails ? Str(details, "password") : null,
        };
    }
}
