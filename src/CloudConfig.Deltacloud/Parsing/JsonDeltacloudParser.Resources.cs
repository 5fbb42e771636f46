using System.Text.Json;

namespace CloudConfig.Deltacloud;

/// <summary>The image shape in JSON.</summary>
internal sealed partial class JsonDeltacloudParser
{
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
}
