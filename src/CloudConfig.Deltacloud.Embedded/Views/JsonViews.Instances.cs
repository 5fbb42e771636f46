using System.Text.Json.Nodes;

namespace CloudConfig.Deltacloud.Embedded;

internal static partial class JsonViews
{
    public static JsonNode Instances(Links links, IEnumerable<EmbeddedInstance> instances, string owner) =>
        new JsonObject { ["instances"] = Array(instances.Select(i => InstanceBody(links, i, owner))) };

    /// <summary>Show and create wrap the instance in <c>{"instance":…}</c>; start/stop/reboot do not (<paramref name="wrap"/>).</summary>
    public static JsonNode Instance(Links links, EmbeddedInstance instance, string owner, bool wrap) =>
        wrap ? new JsonObject { ["instance"] = InstanceBody(links, instance, owner) } : InstanceBody(links, instance, owner);

    private static JsonObject InstanceBody(Links links, EmbeddedInstance instance, string owner)
    {
        var properties = new JsonObject();
        foreach (var (name, value) in instance.HardwareProfileOverrides)
        {
            properties[name] = value;
        }

        var body = new JsonObject
        {
            ["id"] = instance.Id,
            ["href"] = links.Instance(instance.Id),
            ["name"] = instance.Name,
            ["state"] = InstanceStateMachine.Wire(instance.State),
            ["owner"] = owner,
            ["image"] = new JsonObject { ["href"] = links.Image(instance.ImageId), ["id"] = instance.ImageId, ["rel"] = "image" },
            ["realm"] = new JsonObject { ["href"] = links.Realm(instance.RealmId), ["id"] = instance.RealmId, ["rel"] = "realm" },
            ["actions"] = Array(InstanceLinks.For(links, instance).Select(a => new JsonObject
            {
                ["href"] = a.Href,
                ["rel"] = a.Rel,
                ["method"] = a.Method,
            })),
            ["hardware_profile"] = new JsonObject
            {
                ["id"] = instance.HardwareProfileId,
                ["href"] = links.Profile(instance.HardwareProfileId),
                ["rel"] = "hardware_profile",
                ["properties"] = properties,
            },
            ["public_addresses"] = Addresses(instance, instance.PublicAddresses),
            ["private_addresses"] = Addresses(instance, instance.PrivateAddresses),
        };
        if (InstanceLinks.CanCreateImage(instance))
        {
            body["create_image"] = true;
        }

        body["storage_volumes"] = new JsonArray();
        body["authentication_type"] = "key";
        if (instance.KeyName is not null)
        {
            body["authentication"] = new JsonObject { ["keyname"] = instance.KeyName };
        }

        return body;
    }

    private static JsonArray Addresses(EmbeddedInstance instance, IEnumerable<string> addresses) =>
        Array(addresses.Select(a => new JsonObject { ["address"] = a, ["type"] = instance.AddressType }));
}
