using System.Xml.Linq;

namespace CloudConfig.Deltacloud.Embedded;

internal static partial class XmlViews
{
    public static XElement Images(Links links, IEnumerable<EmbeddedImage> images, IReadOnlyList<EmbeddedHardwareProfile> profiles) =>
        new("images", images.Select(i => Image(links, i, profiles)));

    public static XElement Image(Links links, EmbeddedImage image, IReadOnlyList<EmbeddedHardwareProfile> profiles) =>
        new("image",
            new XAttribute("href", links.Image(image.Id)),
            new XAttribute("id", image.Id),
            new XElement("name", image.Id),
            new XElement("description", image.Description),
            new XElement("owner_id", image.OwnerId),
            new XElement("architecture", image.Architecture),
            new XElement("state", "AVAILABLE"),
            new XElement("creation_time", image.CreationTime),
            new XElement("hardware_profiles", profiles.Select(p => new XElement("hardware_profile",
                new XAttribute("href", links.Profile(p.Id)),
                new XAttribute("id", p.Id),
                new XAttribute("rel", "hardware_profile"),
                string.Empty))),
            new XElement("root_type", "transient"),
            new XElement("actions",
                Link(links.CreateInstance(image.Id), "post", "create_instance"),
                Link(links.Image(image.Id), "delete", "destroy_image")));

    public static XElement Realms(Links links, IEnumerable<EmbeddedRealm> realms) => new("realms", realms.Select(r => Realm(links, r)));

    public static XElement Realm(Links links, EmbeddedRealm realm) =>
        new("realm",
            new XAttribute("href", links.Realm(realm.Id)),
            new XAttribute("id", realm.Id),
            new XElement("name", realm.Name),
            new XElement("state", "AVAILABLE"));

    public static XElement Profiles(Links links, IEnumerable<EmbeddedHardwareProfile> profiles) =>
        new("hardware_profiles", profiles.Select(p => Profile(links, p)));

    public static XElement Profile(Links links, EmbeddedHardwareProfile profile) =>
        new("hardware_profile",
            new XAttribute("href", links.Profile(profile.Id)),
            new XAttribute("id", profile.Id),
            new XElement("id", profile.Id),
            new XElement("name", profile.Id),
            profile.Properties.Select(p => Property(links, p)));

    private static XElement Property(Links links, EmbeddedHardwareProperty property)
    {
        var element = new XElement("property",
            new XAttribute("kind", property.Kind.ToString().ToLowerInvariant()),
            new XAttribute("name", property.Name),
            new XAttribute("unit", property.Unit),
            new XAttribute("value", property.Value));
        if (property.Kind == EmbeddedHardwarePropertyKind.Fixed)
        {
            return element;
        }

        element.Add(new XElement("param",
            new XAttribute("href", links.Collection("instances")),
            new XAttribute("method", "post"),
            new XAttribute("name", "hwp_" + property.Name),
            new XAttribute("operation", "create")));
        element.Add(property.Kind == EmbeddedHardwarePropertyKind.Range
            ? new XElement("range", new XAttribute("first", property.First!), new XAttribute("last", property.Last!))
            : new XElement("enum", property.Values.Select(v => new XElement("entry", new XAttribute("value", v)))));
        return element;
    }
}
