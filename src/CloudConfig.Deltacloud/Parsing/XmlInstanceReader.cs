using System.Globalization;
using System.Text;
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
    // The settings XDocument.Parse uses, so the same documents are accepted and refused.
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Parse,
        MaxCharactersFromEntities = 10_000_000,
        IgnoreWhitespace = true,
    };

    public static List<Instance> Parse(string body)
    {
        using var reader = XmlReader.Create(new StringReader(body), Settings);
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw new XmlException("Root element is missing.");
        }

        var instances = new List<Instance>();
        switch (reader.LocalName)
        {
            case "instance":
                instances.Add(ReadInstance(reader));
                break;
            case "instances":
                ForEachChild(reader, r =>
                {
                    if (IsPlain(r, "instance"))
                    {
                        instances.Add(ReadInstance(r));
                    }
                    else
                    {
                        r.Skip();
                    }
                });
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

    private static Instance ReadInstance(XmlReader reader)
    {
        var i = new InstanceFields { IdAttribute = reader.GetAttribute("id"), Href = reader.GetAttribute("href") };
        ForEachChild(reader, r => ReadInstanceChild(r, i));
        var id = i.IdAttribute ?? i.IdText ?? throw new FormatException("<instance> has no id.");
        return new Instance(id, new InstanceState(i.State ?? string.Empty))
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
            Firewalls = i.Firewalls ?? [],
            StorageVolumeIds = i.StorageVolumeIds ?? [],
        };
    }

    private static void ReadInstanceChild(XmlReader r, InstanceFields i)
    {
        if (r.NodeType != XmlNodeType.Element || r.NamespaceURI.Length != 0)
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
                i.Actions = ReadLinks(r);
                break;
            case "public_addresses" when i.First(Seen.PublicAddresses):
                i.PublicAddresses = ReadAddresses(r);
                break;
            case "private_addresses" when i.First(Seen.PrivateAddresses):
                i.PrivateAddresses = ReadAddresses(r);
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

    private static Dictionary<string, string> ReadOverrides(XmlReader reader)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        ForEachChild(reader, r =>
        {
            if (IsPlain(r, "property") && r.GetAttribute("name") is { } name)
            {
                overrides.Add(name, r.GetAttribute("value") ?? string.Empty);
            }

            r.Skip();
        });
        return overrides;
    }

    private static List<DeltacloudLink> ReadLinks(XmlReader reader)
    {
        var links = new List<DeltacloudLink>();
        ForEachChild(reader, r =>
        {
            if (IsPlain(r, "link"))
            {
                links.Add(new DeltacloudLink(r.GetAttribute("rel") ?? string.Empty, r.GetAttribute("href") ?? string.Empty, r.GetAttribute("method") ?? "post"));
            }

            r.Skip();
        });
        return links;
    }

    private static List<InstanceAddress> ReadAddresses(XmlReader reader)
    {
        var addresses = new List<InstanceAddress>();
        ForEachChild(reader, r =>
        {
            if (!IsPlain(r, "address"))
            {
                r.Skip();
                return;
            }

            var type = new AddressType(r.GetAttribute("type") ?? string.Empty);
            int? port = int.TryParse(r.GetAttribute("port"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
            addresses.Add(new InstanceAddress(Content(r), type) { Port = port });
        });
        return addresses;
    }

    private static InstanceAuthentication ReadAuthentication(XmlReader reader)
    {
        var authentication = new InstanceAuthentication(reader.GetAttribute("type") ?? string.Empty);
        var loginSeen = false;
        ForEachChild(reader, r =>
        {
            if (loginSeen || !IsPlain(r, "login"))
            {
                r.Skip();
                return;
            }

            loginSeen = true;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            ForEachChild(r, l =>
            {
                if (l.NodeType == XmlNodeType.Element && l.NamespaceURI.Length == 0 && l.LocalName is "keyname" or "username" or "password" && seen.Add(l.LocalName))
                {
                    var field = l.LocalName;
                    var value = Text(l);
                    authentication = field switch
                    {
                        "keyname" => authentication with { KeyName = value },
                        "username" => authentication with { Username = value },
                        _ => authentication with { Password = value },
                    };
                }
                else
                {
                    l.Skip();
                }
            });
        });
        return authentication;
    }

    private static List<string> ReadFirewalls(XmlReader reader)
    {
        // Any child element counts, whatever its name, as the tree-based reading took Elements().
        var firewalls = new List<string>();
        ForEachChild(reader, r =>
        {
            if (r.NodeType != XmlNodeType.Element)
            {
                r.Skip();
                return;
            }

            var id = r.GetAttribute("id");
            var value = id ?? Content(r);
            if (id is not null)
            {
                r.Skip();
            }

            if (value.Length > 0)
            {
                firewalls.Add(value);
            }
        });
        return firewalls;
    }

    private static List<string> ReadStorageVolumes(XmlReader reader)
    {
        var volumes = new List<string>();
        ForEachChild(reader, r =>
        {
            if (r.NodeType == XmlNodeType.Element && r.GetAttribute("id") is { } id)
            {
                volumes.Add(id);
            }

            r.Skip();
        });
        return volumes;
    }

    /// <summary>Calls <paramref name="child"/> on each child node of the current element, which must consume that node.</summary>
    private static void ForEachChild(XmlReader reader, Action<XmlReader> child)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                child(reader);
            }
            else
            {
                reader.Skip();
            }
        }

        reader.Read();
    }

    private static bool IsPlain(XmlReader r, string localName) =>
        r.NodeType == XmlNodeType.Element && r.NamespaceURI.Length == 0 && r.LocalName == localName;

    private static string? Text(XmlReader r)
    {
        var value = Content(r);
        return value.Length == 0 ? null : value;
    }

    /// <summary>All text inside the current element (CDATA and nested elements' text included), trimmed; consumes the element.</summary>
    private static string Content(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        string? single = null;
        StringBuilder? many = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                if (single is null && many is null)
                {
                    single = reader.Value;
                }
                else
                {
                    (many ??= new StringBuilder(single)).Append(reader.Value);
                }
            }

            reader.Read();
        }

        reader.Read();
        return (many?.ToString() ?? single ?? string.Empty).Trim();
    }
}
