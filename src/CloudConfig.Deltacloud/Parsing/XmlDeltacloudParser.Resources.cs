using System.Globalization;
using System.Xml.Linq;

namespace CloudConfig.Deltacloud;

/// <summary>The instance and image shapes, the largest in the XML format.</summary>
internal sealed partial class XmlDeltacloudParser
{
    private static Instance ParseInstance(XElement e)
    {
        var profile = e.Element("hardware_profile");
        return new Instance(Id(e), new InstanceState(Text(e, "state") ?? string.Empty))
        {
            Href = Attr(e, "href"),
            Name = Text(e, "name"),
            OwnerId = Text(e, "owner_id"),
            ImageId = e.Element("image") is { } image ? Attr(image, "id") : null,
            RealmId = e.Element("realm") is { } realm ? Attr(realm, "id") : null,
            HardwareProfileId = profile is null ? null : Attr(profile, "id"),
            HardwareProfileOverrides = profile?.Elements("property")
                .Where(p => Attr(p, "name") is not null)
                .ToDictionary(p => Attr(p, "name")!, p => Attr(p, "value") ?? string.Empty, StringComparer.Ordinal)
                ?? new Dictionary<string, string>(),
            Actions = Links(e),
            PublicAddresses = Addresses(e.Element("public_addresses")),
            PrivateAddresses = Addresses(e.Element("private_addresses")),
            LaunchTime = Text(e, "launch_time"),
            Authentication = ParseAuthentication(e.Element("authentication")),
            Firewalls = e.Element("firewalls")?.Elements().Select(f => Attr(f, "id") ?? f.Value.Trim()).Where(s => s.Length > 0).ToList() ?? [],
            StorageVolumeIds = e.Element("storage_volumes")?.Elements().Select(v => Attr(v, "id")).OfType<string>().ToList() ?? [],
        };
    }

    private static Image ParseImage(XElement e) => new(Id(e))
    {
        Href = Attr(e, "href"),
        Name = Text(e, "name"),
        Description = Text(e, "description"),
        OwnerId = Text(e, "owner_id"),
        Architecture = Text(e, "architecture"),
        State = Text(e, "state"),
        CreationTime = Text(e, "creation_time"),
        RootType = Text(e, "root_type"),
        HardwareProfileIds = e.Element("hardware_profiles")?.Elements("hardware_profile").Select(p => Attr(p, "id")).OfType<string>().ToList() ?? [],
        Actions = Links(e),
    };

    private static List<InstanceAddress> Addresses(XElement? list) =>
        list?.Elements("address")
            .Select(a => new InstanceAddress(a.Value.Trim(), new AddressType(Attr(a, "type") ?? string.Empty))
            {
                Port = int.TryParse(Attr(a, "port"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : null,
            })
            .ToList() ?? [];

    private static InstanceAuthentication? ParseAuthentication(XElement? e)
    {
        if (e is null)
        {
            return null;
        }

        var login = e.Element("login");
        return new InstanceAuthentication(Attr(e, "type") ?? string.Empty)
        {
            KeyName = login is null ? null : Text(login, "keyname"),
            Username = login is null ? null : Text(login, "username"),
            Password = login is null ? null : Text(login, "password"),
        };
    }
}
