using System.Text.Json.Nodes;

namespace CloudConfig.Deltacloud.Embedded;

internal static partial class JsonViews
{
    public static JsonNode Images(Links links, IEnumerable<EmbeddedImage> images, IReadOnlyList<EmbeddedHardwareProfile> profiles) =>
        new JsonObject { ["images"] = Array(images.Select(i => ImageBody(links, i, profiles))) };

    public static JsonNode Image(Links links, EmbeddedImage image, IReadOnlyList<EmbeddedHardwareProfile> profiles) =>
        new JsonObject { ["image"] = ImageBody(links, image, profiles) };

    public static JsonNode Realms(Links links, IEnumerable<EmbeddedRealm> realms) =>
        new JsonObject { ["realms"] = Array(realms.Select(r => RealmBody(links, r))) };

    public static JsonNode Realm(Links links, EmbeddedRealm realm) => new JsonObject { ["realm"] = RealmBody(links, realm) };

    public static JsonNode Profiles(Links links, IEnumerable<EmbeddedHardwareProfile> profiles) =>
        new JsonObject { ["hardware_profiles"] = Array(profiles.Select(p => ProfileBody(links, p))) };

    public static JsonNode Profile(Links links, EmbeddedHardwareProfile profile) =>
        new JsonObject { ["hardware_profile"] = ProfileBody(links, profile) };

    private static JsonObject ImageBody(Links links, EmbeddedImage image, IReadOnlyList<EmbeddedHardwareProfile> profiles) => new()
    {
        ["id"] = image.Id,
        ["href"] = links.Image(image.Id),
        ["name"] = image.Id,
        ["description"] = image.Description,
        ["owner"] = image.OwnerId,
        ["architecture"] = image.Architecture,
        ["state"] = "AVAILABLE",
        ["root_type"] = "transient",
        ["creation_time"] = image.CreationTime,
        ["hardware_profiles"] = Array(profiles.Select(p => new JsonObject
        {
            ["id"] = p.Id,
            ["href"] = links.Profile(p.Id),
            ["rel"] = "hardware_profile",
        })),
    };

    private static JsonObject RealmBody(Links links, EmbeddedRealm realm) => new()
    {
        ["id"] = realm.Id,
        ["href"] = links.Realm(realm.Id),
        ["name"] = realm.Name,
        ["state"] = "AVAILABLE",
        ["limit"] = "unlimited",
    };

    // Range and enum collapse to their default value here: that is what the real server sends.
    private static JsonObject ProfileBody(Links links, EmbeddedHardwareProfile profile)
    {
        var body = new JsonObject
        {
            ["id"] = profile.Id,
            ["href"] = links.Profile(profile.Id),
            ["name"] = profile.Id,
        };
        if (profile.Properties.Count > 0)
        {
            var properties = new JsonObject();
            foreach (var property in profile.Properties)
            {
                properties[property.Name] = property.Value;
            }

            body["properties"] = properties;
        }

        return body;
    }
}
