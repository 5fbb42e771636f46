using System.Globalization;
using System.Text.Json;

namespace CloudConfig.Deltacloud;

/// <summary>
/// Parses Deltacloud JSON. The shapes differ from XML (wrappers like <c>{"instance":…}</c> that actions omit,
/// features as arrays of arrays, bare arrays), so every reader accepts each variant the server produces.
/// </summary>
internal sealed partial class JsonDeltacloudParser : IDeltacloudParser
{
    public static JsonDeltacloudParser Instance { get; } = new();

    public DeltacloudEntryPoint ParseEntryPoint(string body)
    {
        using var document = JsonDocument.Parse(body);
        var api = Unwrap(document.RootElement, "api");
        var collections = new List<DeltacloudCollection>();
        foreach (var link in Array(api, "links"))
        {
            var features = new List<DeltacloudFeature>();
            foreach (var group in Array(link, "features"))
            {
                // The server nests each feature in its own array; accept a flat object too.
                if (group.ValueKind == JsonValueKind.Array)
                {
                    features.AddRange(group.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object).Select(ParseFeature));
                }
                else if (group.ValueKind == JsonValueKind.Object)
                {
                    features.Add(ParseFeature(group));
                }
            }

            collections.Add(new DeltacloudCollection(Str(link, "rel") ?? string.Empty, Str(link, "href") ?? string.Empty, features));
        }

        return new DeltacloudEntryPoint(Str(api, "version") ?? string.Empty, Str(api, "driver") ?? string.Empty, Str(api, "provider"), collections);
    }

    public IReadOnlyList<Instance> ParseInstances(string body) =>
        JsonInstanceReader.TryParse(body) ?? ParseInstancesFromDocument(body);

    /// <summary>The reading over a <see cref="JsonDocument"/> that every shape and every error falls back to (tests compare the two).</summary>
    internal static IReadOnlyList<Instance> ParseInstancesFromDocument(string body) => Items(body, "instances", "instance", ParseInstance);

    public IReadOnlyList<Image> ParseImages(string body) => Items(body, "images", "image", ParseImage);

    public IReadOnlyList<Realm> ParseRealms(string body) => Items(body, "realms", "realm", e => new Realm(Id(e))
    {
        Href = Str(e, "href"),
        Name = Str(e, "name"),
        State = Str(e, "state"),
        Limit = Str(e, "limit"),
    });

    public IReadOnlyList<HardwareProfile> ParseHardwareProfiles(string body) => Items(body, "hardware_profiles", "hardware_profile", e => new HardwareProfile(Id(e))
    {
        Href = Str(e, "href"),
        Name = Str(e, "name"),
        Properties = Properties(e).Select(p => new HardwareProfileProperty(p.Key, HardwarePropertyKind.Unknown, p.Value)
        {
            Unit = HardwarePropertyUnits.For(p.Key),
        }).ToList(),
    });

    public IReadOnlyList<Key> ParseKeys(string body) => Items(body, "keys", "key", e => new Key(Id(e))
    {
        Href = Str(e, "href"),
        Name = Str(e, "name") ?? Str(e, "id"),
        Type = Str(e, "credential_type"),
        Fingerprint = Str(e, "fingerprint"),
        PrivateKeyPem = Str(e, "pem_rsa_key"),
        Username = Str(e, "username"),
        Password = Str(e, "password"),
        State = Str(e, "state"),
        Actions = Links(e),
    });

    public IReadOnlyList<Driver> ParseDrivers(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("driver", out var single))
        {
            return [ParseDriver(Str(single, "id") ?? string.Empty, single)];
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("drivers", out var wrapped) && wrapped.ValueKind == JsonValueKind.Array)
        {
            return wrapped.EnumerateArray().Select(d => ParseDriver(Id(d), d)).ToList();
        }

        // The list is an object keyed by driver id.
        return root.EnumerateObject().Select(p => ParseDriver(p.Name, p.Value)).ToList();
    }

    public IReadOnlyList<InstanceStateDefinition> ParseInstanceStates(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var states = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("states", out var wrapped) ? wrapped : root;
        return states.EnumerateArray().Select(s => new InstanceStateDefinition(
            new DeltacloudInstanceState(Str(s, "name") ?? string.Empty),
            Array(s, "transitions").Select(t => new InstanceStateTransition(
                new DeltacloudInstanceState(Str(t, "to") ?? string.Empty),
                Str(t, "action"),
                string.Equals(Str(t, "auto"), "true", StringComparison.OrdinalIgnoreCase))).ToList())).ToList();
    }

    private static Driver ParseDriver(string id, JsonElement e) => new(id)
    {
        Href = Str(e, "href"),
        Name = Str(e, "name"),
        Providers = e.TryGetProperty("entrypoints", out var entrypoints) && entrypoints.ValueKind == JsonValueKind.Object
            ? entrypoints.EnumerateObject()
                .Where(kind => kind.Value.ValueKind == JsonValueKind.Object)
                .SelectMany(kind => kind.Value.EnumerateObject().Select(p => p.Name))
                .Distinct(StringComparer.Ordinal)
                .ToList()
            : [],
    };

    private static DeltacloudFeature ParseFeature(JsonElement f) => new(
        Str(f, "name") ?? string.Empty,
        Str(f, "rel"),
        Array(f, "params").Select(p => (Str(p) ?? string.Empty).Split(':')[0]).Where(p => p.Length > 0).ToList(),
        f.TryGetProperty("constraints", out var c) && c.ValueKind == JsonValueKind.Object
            ? Constraints(c)
            : new Dictionary<string, string>());

    private static Dictionary<string, string> Constraints(JsonElement constraints)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in constraints.EnumerateObject())
        {
            map.AddOnce(p.Name, Str(p.Value) ?? string.Empty, "feature constraint");
        }

        return map;
    }

    private static List<T> Items<T>(string body, string collectionName, string itemName, Func<JsonElement, T> parse)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray().Select(parse).ToList();
        }

        if (root.TryGetProperty(collectionName, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            return list.EnumerateArray().Select(parse).ToList();
        }

        // A single item comes wrapped ({"instance":…}) except after an instance action, where it is bare.
        return [parse(root.TryGetProperty(itemName, out var item) && item.ValueKind == JsonValueKind.Object ? item : root)];
    }

    private static JsonElement Unwrap(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var inner) ? inner : root;

    private static string Id(JsonElement e) => Str(e, "id") ?? throw new FormatException("A JSON item has no id.");

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) ? Str(value) : null;

    private static string? Str(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static IEnumerable<KeyValuePair<string, string>> Properties(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
            ? props.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, Str(p.Value) ?? string.Empty)).ToList()
            : [];

    private static List<DeltacloudLink> Links(JsonElement e) =>
        Array(e, "actions")
            .Select(a => new DeltacloudLink(Str(a, "rel") ?? string.Empty, Str(a, "href") ?? string.Empty, Str(a, "method") ?? "post"))
            .ToList();

    private static int? Int(JsonElement e, string name) =>
        int.TryParse(Str(e, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
