using System.Collections.Frozen;
using System.Xml;

namespace CloudConfig.Deltacloud;

/// <summary>
/// The name table of one reader: the names Deltacloud's documents use come from a frozen set shared by every reader,
/// so reading an answer creates no string for them (a fresh <see cref="NameTable"/> allocated each name of every
/// answer again, about 2 KB for one instance). Any other name goes to a table of this reader's own, so names stay
/// atomized and a server inventing names grows nothing that outlives the reader.
/// </summary>
internal sealed class DeltacloudNameTable : XmlNameTable
{
    // Element and attribute names of the API's documents, and what XmlReader itself atomizes when it starts.
    private static readonly FrozenSet<string> Known = FrozenSet.Create(
        StringComparer.Ordinal,
        [
            string.Empty, "xml", "xmlns", "version", "encoding", "standalone", "lang", "space",
            "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/",
            "api", "link", "feature", "href", "rel", "name", "value", "id", "type", "method", "driver", "provider",
            "instances", "instance", "owner_id", "image", "realm", "state", "hardware_profile", "actions",
            "public_addresses", "private_addresses", "address", "port", "storage_volumes", "storage_volume",
            "authentication", "login", "username", "password", "keyname", "launch_time", "firewalls", "firewall",
            "property", "images", "description", "architecture", "creation_time", "root_type", "realms", "limit",
            "hardware_profiles", "kind", "unit", "param", "enum", "entry", "range", "first", "last",
            "keys", "key", "fingerprint", "pem", "drivers", "states", "transition", "to", "action", "auto",
        ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private NameTable? _others;

    public override string Add(char[] array, int offset, int length) =>
        KnownBySpan.TryGetValue(array.AsSpan(offset, length), out var known) ? known : Others.Add(array, offset, length);

    public override string Add(string array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return Known.TryGetValue(array, out var known) ? known : Others.Add(array);
    }

    public override string? Get(char[] array, int offset, int length) =>
        KnownBySpan.TryGetValue(array.AsSpan(offset, length), out var known) ? known : _others?.Get(array, offset, length);

    public override string? Get(string array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return Known.TryGetValue(array, out var known) ? known : _others?.Get(array);
    }

    private NameTable Others => _others ??= new NameTable();
}
