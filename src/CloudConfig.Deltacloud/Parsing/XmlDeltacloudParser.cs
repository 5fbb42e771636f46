using System.Globalization;
using System.Xml.Linq;

namespace CloudConfig.Deltacloud;

/// <summary>Parses Deltacloud XML with LINQ to XML; the server's documents are small and shallow.</summary>
internal sealed partial class XmlDeltacloudParser : IDeltacloudParser
{
    public static XmlDeltacloudParser Instance { get; } = new();

    public DeltacloudEntryPoint ParseEntryPoint(string body)
    {
        var api = Load(body, "api");
        var collections = api.Elements("link")
            .Select(link => new DeltacloudCollection(
                Attr(link, "rel") ?? string.Empty,
                Attr(link, "href") ?? string.Empty,
                link.Elements("feature").Select(ParseFeature).ToList()))
            .ToList();
        return new DeltacloudEntryPoint(Attr(api, "version") ?? string.Empty, Attr(api, "driver") ?? string.Empty, Attr(api, "provider"), collections);
    }

    public IReadOnlyList<Instance> ParseInstances(string body) => XmlInstanceReader.Parse(body);

    public IReadOnlyList<Image> ParseImages(string body) => Items(body, "images", "image", ParseImage);

    public IReadOnlyList<Realm> ParseRealms(string body) => Items(body, "realms", "realm", e => new Realm(Id(e))
    {
        Href = Attr(e, "href"),
        Name = Text(e, "name"),
        State = Text(e, "state"),
        Limit = Text(e, "limit"),
    });

    public IReadOnlyList<HardwareProfile> ParseHardwareProfiles(string body) => Items(body, "hardware_profiles", "hardware_profile", e => new HardwareProfile(Id(e))
    {
        Href = Attr(e, "href"),
        Name = Text(e, "name"),
        Properties = e.Elements("property").Select(ParseProperty).ToList(),
    });

    public IReadOnlyList<Key> ParseKeys(string body) => Items(body, "keys", "key", e => new Key(Id(e))
    {
        Href = Attr(e, "href"),
        Name = Text(e, "name"),
        Type = Attr(e, "type"),
        Fingerprint = Text(e, "fingerprint"),
        PrivateKeyPem = Text(e, "pem"),
        Username = Text(e, "username"),
        Password = Text(e, "password"),
        State = Text(e, "state"),
        Actions = Links(e),
    });

    public IReadOnlyList<Driver> ParseDrivers(string body) => Items(body, "drivers", "driver", e => new Driver(Id(e))
    {
        Href = Attr(e, "href"),
        Name = Text(e, "name"),
        Providers = e.Elements("provider").Select(p => Attr(p, "id")).OfType<string>().ToList(),
    });

    public IReadOnlyList<InstanceStateDefinition> ParseInstanceStates(string body) => Items(body, "states", "state", e => new InstanceStateDefinition(
        new DeltacloudInstanceState(Attr(e, "name") ?? string.Empty),
        e.Elements("transition").Select(t => new InstanceStateTransition(
            new DeltacloudInstanceState(Attr(t, "to") ?? string.Empty),
            Attr(t, "action"),
            string.Equals(Attr(t, "auto"), "true", StringComparison.OrdinalIgnoreCase))).ToList()));

    private static DeltacloudFeature ParseFeature(XElement feature) => new(
        Attr(feature, "name") ?? string.Empty,
        Attr(feature, "rel"),
        feature.Elements("param").Select(p => Attr(p, "name")).OfType<string>().ToList(),
        Constraints(feature));

    private static Dictionary<string, string> Constraints(XElement feature)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in feature.Elements("constraint"))
        {
            map.AddOnce(Attr(c, "name") ?? string.Empty, c.Value.Trim(), "feature constraint");
        }

        return map;
    }

    private static HardwareProfileProperty ParseProperty(XElement e)
    {
        var name = Attr(e, "name") ?? string.Empty;
        var range = e.Element("range");
        return new HardwareProfileProperty(name, HardwarePropertyUnits.ParseKind(Attr(e, "kind")), Attr(e, "value") ?? string.Empty)
        {
            Unit = Attr(e, "unit") ?? HardwarePropertyUnits.For(name),
            ParameterName = e.Element("param") is { } param ? Attr(param, "name") : null,
            RangeFirst = range is null ? null : Attr(range, "first"),
            RangeLast = range is null ? null : Attr(range, "last"),
            EnumValues = e.Element("enum")?.Elements("entry").Select(x => Attr(x, "value")).OfType<string>().ToList() ?? [],
        };
    }

    private static IReadOnlyList<T> Items<T>(string body, string collectionName, string itemName, Func<XElement, T> parse)
    {
        var root = Load(body, null);
        if (root.Name.LocalName == itemName)
        {
            return [parse(root)];
        }

        if (root.Name.LocalName != collectionName)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Expected <{collectionName}> or <{itemName}>, got <{root.Name.LocalName}>."));
        }

        return root.Elements(itemName).Select(parse).ToList();
    }

    private static XElement Load(string body, string? expectedRoot)
    {
        var root = SafeXml.Parse(body).Root ?? throw new FormatException("The XML document is empty.");
        if (expectedRoot is not null && root.Name.LocalName != expectedRoot)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Expected <{expectedRoot}>, got <{root.Name.LocalName}>."));
        }

        return root;
    }

    private static string Id(XElement e) => Attr(e, "id") ?? Text(e, "id") ?? throw new FormatException($"<{e.Name.LocalName}> has no id.");

    private static string? Attr(XElement e, string name) => e.Attribute(name)?.Value;

    private static string? Text(XElement e, string name)
    {
        var child = e.Element(name);
        if (child is null)
        {
            return null;
        }

        var value = child.Value.Trim();
        return value.Length == 0 ? null : value;
    }

    private static List<DeltacloudLink> Links(XElement e) =>
        e.Element("actions")?.Elements("link")
            .Select(l => new DeltacloudLink(Attr(l, "rel") ?? string.Empty, Attr(l, "href") ?? string.Empty, Attr(l, "method") ?? "post"))
            .ToList() ?? [];
}
