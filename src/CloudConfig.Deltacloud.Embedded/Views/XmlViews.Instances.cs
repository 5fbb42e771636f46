using System.Xml.Linq;

namespace CloudConfig.Deltacloud.Embedded;

internal static partial class XmlViews
{
    public static XElement Instances(Links links, IEnumerable<EmbeddedInstance> instances, string owner) =>
        new("instances", instances.Select(i => Instance(links, i, owner)), string.Empty);

    public static XElement Instance(Links links, EmbeddedInstance instance, string owner) =>
        new("instance",
            new XAttribute("href", links.Instance(instance.Id)),
            new XAttribute("id", instance.Id),
            new XElement("name", instance.Name),
            new XElement("owner_id", owner),
            new XElement("image", new XAttribute("href", links.Image(instance.ImageId)), new XAttribute("id", instance.ImageId), string.Empty),
            new XElement("realm", new XAttribute("href", links.Realm(instance.RealmId)), new XAttribute("id", instance.RealmId), string.Empty),
            new XElement("state", InstanceStateMachine.Wire(instance.State)),
            new XElement("hardware_profile",
                new XAttribute("href", links.Profile(instance.HardwareProfileId)),
                new XAttribute("id", instance.HardwareProfileId),
                instance.HardwareProfileOverrides.Select(o => new XElement("property",
                    new XAttribute("kind", "fixed"),
                    new XAttribute("name", o.Key),
                    new XAttribute("unit", EmbeddedHardwareProperty.UnitOf(o.Key)),
                    new XAttribute("value", o.Value),
                    string.Empty)),
                string.Empty),
            new XElement("actions", InstanceLinks.For(links, instance).Select(a => Link(a.Href, a.Method, a.Rel))),
            new XElement("public_addresses", instance.PublicAddresses.Select(a => Address(instance, a))),
            new XElement("private_addresses", instance.PrivateAddresses.Select(a => Address(instance, a))),
            new XElement("storage_volumes", string.Empty),
            new XElement("authentication",
                new XAttribute("type", "key"),
                instance.KeyName is null ? string.Empty : new XElement("login", new XElement("keyname", instance.KeyName))),
            instance.NetworkInterfaces is null
                ? null
                : new XElement("network_interfaces",
                    instance.NetworkInterfaces.Select(n => new XElement("network_interface",
                        new XAttribute("href", links.Collection("network_interfaces") + "/" + n),
                        new XAttribute("id", n),
                        string.Empty)),
                    string.Empty));

    private static XElement Address(EmbeddedInstance instance, string address) =>
        new("address", new XAttribute("type", instance.AddressType), address);
}
