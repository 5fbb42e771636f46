using System.Xml.Linq;

namespace CloudConfig.Deltacloud;

/// <summary>The image shape, the largest after instances (which <see cref="XmlInstanceReader"/> streams).</summary>
internal sealed partial class XmlDeltacloudParser
{
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
}
