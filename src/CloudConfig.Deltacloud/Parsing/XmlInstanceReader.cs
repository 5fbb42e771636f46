using System.Globalization;
using System.Xml;

namespace CloudConfig.Deltacloud;

/// <summary>
/// Reads instance lists in one forward pass with <see cref="XmlReader"/>: lists of thousands of instances are the one
/// large answer a server gives, and building a LINQ to XML tree first cost more than twice the reading. It keeps what
/// the tree-based reading kept: the first of repeated child elements wins, text is trimmed with CDATA included,
/// unknown children are skipped, and the whole document must still be well-formed.
/// </summary>
internal static partial class XmlInstanceReader
{
    public static List<Instance> Parse(string body)
    {
        using var reader = SafeXml.CreateReader(body);
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw new XmlException("Root element is missing.");
        }

        var instances = new List<Instance>();
        var scratch = new Scratch();
        switch (reader.LocalName)
        {
            case "instance":
                instances.Add(ReadInstance(reader, scratch));
                break;
            case "instances" when EnterChildren(reader):
                while (NextChild(reader))
                {
                    if (IsPlain(reader, "instance"))
                    {
                        instances.Add(ReadInstance(reader, scratch));
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                break;
            case "instances":
                break;
            default:
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Expected <instances> or <instance>, got <{reader.LocalName}>."));
        }

        // Whatever follows the root must still be well-formed, as a full parse would insist.
        while (reader.Read())
        {
        }

        return instances;
    }

    private static Instance ReadInstance(XmlReader reader, Scratch scratch)
    {
        var i = new InstanceFields { Scratch = scratch, IdAttribute = reader.GetAttribute("id"), Href = reader.GetAttribute("href") };
        if (EnterChildren(reader))
        {
            while (NextChild(reader))
            {
                ReadInstanceChild(reader, ref i);
            }
        }

        var id = i.IdAttribute ?? i.IdText ?? throw new FormatException("<instance> has no id.");
        return new Instance(id, new DeltacloudInstanceState(i.State ?? string.Empty))
        {
            Href = i.Href,
            Name = i.Name,
            OwnerId = i.OwnerId,
            ImageId = i.ImageId,
            RealmId = i.RealmId,
            HardwareProfileId = i.HardwareProfileId,
            HardwareProfileOverrides = i.Overrides ?? new Dictionary<string, string>(StringComparer.Ordinal),
            Actions = i.Actions ?? [],
            PublicAddresses = i.PublicAddresses ?? [],
            PrivateAddresses = i.PrivateAddresses ?? [],
            LaunchTime = i.LaunchTime,
            Authentication = i.Authentication,
            Firewalls = (IReadOnlyList<string>?)i.Firewalls ?? [],
            StorageVolumeIds = (IReadOnlyList<string>?)i.StorageVolumeIds ?? [],
        };
    }

    private static void ReadInstanceChild(XmlReader r, ref InstanceFields i)
    {
        if (r.NamespaceURI.Length != 0)
        {
            r.Skip();
            return;
        }

        // Each case is taken for the first element of its name only (the flag); later ones fall through to Skip.
        switch (r.LocalName)
        {
            case "id" when i.First(Seen.Id):
                i.IdText = Text(r);
                break;
            case "name" when i.First(Seen.Name):
                i.Name = Text(r);
                break;
            case "owner_id" when i.First(Seen.Owner):
                i.OwnerId = Text(r);
                break;
            case "state" when i.First(Seen.State):
                i.State = Text(r);
                break;
            case "launch_time" when i.First(Seen.LaunchTime):
                i.LaunchTime = Text(r);
                break;
            case "image" when i.First(Seen.Image):
                i.ImageId = r.GetAttribute("id");
                r.Skip();
                break;
            case "realm" when i.First(Seen.Realm):
                i.RealmId = r.GetAttribute("id");
                r.Skip();
                break;
            case "hardware_profile" when i.First(Seen.Profile):
                i.HardwareProfileId = r.GetAttribute("id");
                i.Overrides = ReadOverrides(r);
                break;
            case "actions" when i.First(Seen.Actions):
                i.Actions = ReadLinks(r, i.Scratch.Links);
                break;
            case "public_addresses" when i.First(Seen.PublicAddresses):
                i.PublicAddresses = ReadAddresses(r, i.Scratch.Addresses);
                break;
            case "private_addresses" when i.First(Seen.PrivateAddresses):
                i.PrivateAddresses = ReadAddresses(r, i.Scratch.Addresses);
                break;
            case "authentication" when i.First(Seen.Authentication):
                i.Authentication = ReadAuthentication(r);
                break;
            case "firewalls" when i.First(Seen.Firewalls):
                i.Firewalls = ReadFirewalls(r);
                break;
            case "storage_volumes" when i.First(Seen.StorageVolumes):
                i.StorageVolumeIds = ReadStorageVolumes(r);
                break;
            default:
                r.Skip();
                break;
        }
    }
}
