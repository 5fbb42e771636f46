using System.Xml;

namespace CloudConfig.Deltacloud;

/// <summary>
/// The name table of one reader: the names Deltacloud's documents use come from a table shared by every reader,
/// so reading an answer creates no string for them (a fresh <see cref="NameTable"/> allocated each name of every
/// answer again, about 2 KB for one instance). Any other name goes to a table of this reader's own, so names stay
/// atomized and a server inventing names grows nothing that outlives the reader.
/// </summary>
internal sealed class DeltacloudNameTable : XmlNameTable
{
    // Open addressing over a hash of the length and three characters: the reader asks for a name at every element
    // and attribute and at every GetAttribute, and a frozen set's hash of the whole name was 3% of reading a list.
    private const int SlotMask = 511;

    // Element and attribute names of the API's documents, and what XmlReader itself atomizes when it starts.
    private static readonly string[] Known =
    [
        "xml", "xmlns", "version", "encoding", "standalone", "lang", "space",
        "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/",
        "api", "link", "feature", "href", "rel", "name", "value", "id", "type", "method", "driver", "provider",
        "instances", "instance", "owner_id", "image", "realm", "state", "hardware_profile", "actions",
        "public_addresses", "private_addresses", "address", "port", "storage_volumes", "storage_volume",
        "authentication", "login", "username", "password", "keyname", "launch_time", "firewalls", "firewall",
        "property", "images", "description", "architecture", "creation_time", "root_type", "realms", "limit",
        "hardware_profiles", "kind", "unit", "param", "enum", "entry", "range", "first", "last",
        "keys", "key", "fingerprint", "pem", "drivers", "states", "transition", "to", "action", "auto",
    ];

    private static readonly string?[] Slots = BuildSlots();

    private NameTable? _others;

    public override string Add(char[] array, int offset, int length) =>
        Find(array.AsSpan(offset, length)) ?? Others.Add(array, offset, length);

    public override string Add(string array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return Find(array) ?? Others.Add(array);
    }

    public override string? Get(char[] array, int offset, int length) =>
        Find(array.AsSpan(offset, length)) ?? _others?.Get(array, offset, length);

    public override string? Get(string array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return Find(array) ?? _others?.Get(array);
    }

    private NameTable Others => _others ??= new NameTable();

    /// <summary>The shared string for one of the API's names, or null.</summary>
    private static string? Find(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return string.Empty;
        }

        for (var slot = Slot(name); Slots[slot] is { } known; slot = (slot + 1) & SlotMask)
        {
            if (name.SequenceEqual(known))
            {
                return known;
            }
        }

        return null;
    }

    private static int Slot(ReadOnlySpan<char> name) =>
        ((name.Length * 31) + (name[0] * 7) + (name[name.Length / 2] * 3) + name[^1]) & SlotMask;

    private static string?[] BuildSlots()
    {
        var slots = new string?[SlotMask + 1];
        foreach (var name in Known)
        {
            var slot = Slot(name);
            while (slots[slot] is not null)
            {
                slot = (slot + 1) & SlotMask;
            }

            slots[slot] = name;
        }

        return slots;
    }
}
