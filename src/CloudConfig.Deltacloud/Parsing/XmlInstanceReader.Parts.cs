using System.Globalization;
using System.Xml;

namespace CloudConfig.Deltacloud;

/// <summary>The parts of an instance that hold lists or nested elements.</summary>
internal static partial class XmlInstanceReader
{
    private static Dictionary<string, string> ReadOverrides(XmlReader reader)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        if (EnterChildren(reader))
        {
            while (NextChild(reader))
            {
                if (IsPlain(reader, "property") && reader.GetAttribute("name") is { } name)
                {
                    overrides.AddOnce(name, reader.GetAttribute("value") ?? string.Empty, "hardware profile property");
                }

                reader.Skip();
            }
        }

        return overrides;
    }

    private static DeltacloudLink[] ReadLinks(XmlReader reader, List<DeltacloudLink> links)
    {
        links.Clear();
        if (EnterChildren(reader))
        {
            while (NextChild(reader))
            {
                if (IsPlain(reader, "link"))
                {
                    links.Add(new DeltacloudLink(reader.GetAttribute("rel") ?? string.Empty, reader.GetAttribute("href") ?? string.Empty, reader.GetAttribute("method") ?? "post"));
                }

                reader.Skip();
            }
        }

        return links.ToArray();
    }

    private static InstanceAddress[] ReadAddresses(XmlReader reader, List<InstanceAddress> addresses)
    {
        if (!EnterChildren(reader))
        {
            return [];
        }

        addresses.Clear();

        while (NextChild(reader))
        {
            if (!IsPlain(reader, "address"))
            {
                reader.Skip();
                continue;
            }

            var type = new AddressType(reader.GetAttribute("type") ?? string.Empty);
            int? port = int.TryParse(reader.GetAttribute("port"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
            addresses.Add(new InstanceAddress(Content(reader), type) { Port = port });
        }

        return addresses.ToArray();
    }

    private static InstanceAuthentication ReadAuthentication(XmlReader reader)
    {
        var type = reader.GetAttribute("type") ?? string.Empty;
        if (!EnterChildren(reader))
        {
            return new InstanceAuthentication(type);
        }

        var loginSeen = false;
        string? keyName = null, username = null, password = null;
        while (NextChild(reader))
        {
            if (loginSeen || !IsPlain(reader, "login"))
            {
                reader.Skip();
                continue;
            }

            loginSeen = true;
            if (!EnterChildren(reader))
            {
                continue;
            }

            var seen = Seen.None;
            while (NextChild(reader))
            {
                // The first of each, as with the instance's own children.
                var field = reader.NamespaceURI.Length != 0 ? Seen.None : reader.LocalName switch
                {
                    "keyname" => Seen.KeyName,
                    "username" => Seen.Username,
                    "password" => Seen.Password,
                    _ => Seen.None,
                };
                if (field == Seen.None || (seen & field) != 0)
                {
                    reader.Skip();
                    continue;
                }

                seen |= field;
                switch (field)
                {
                    case Seen.KeyName:
                        keyName = Text(reader);
                        break;
                    case Seen.Username:
                        username = Text(reader);
                        break;
                    default:
                        password = Text(reader);
                        break;
                }
            }
        }

        return new InstanceAuthentication(type) { KeyName = keyName, Username = username, Password = password };
    }

    private static List<string> ReadFirewalls(XmlReader reader)
    {
        // Any child element counts, whatever its name, as the tree-based reading took Elements().
        var firewalls = new List<string>();
        if (!EnterChildren(reader))
        {
            return firewalls;
        }

        while (NextChild(reader))
        {
            var id = reader.GetAttribute("id");
            var value = id ?? Content(reader);
            if (id is not null)
            {
                reader.Skip();
            }

            if (value.Length > 0)
            {
                firewalls.Add(value);
            }
        }

        return firewalls;
    }

    private static List<string> ReadStorageVolumes(XmlReader reader)
    {
        var volumes = new List<string>();
        if (EnterChildren(reader))
        {
            while (NextChild(reader))
            {
                if (reader.GetAttribute("id") is { } id)
                {
                    volumes.Add(id);
                }

                reader.Skip();
            }
        }

        return volumes;
    }
}
