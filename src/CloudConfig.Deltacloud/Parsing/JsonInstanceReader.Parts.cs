using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CloudConfig.Deltacloud;

/// <summary>The values and nested parts of one instance, each read as the lookups on a document read it.</summary>
internal static partial class JsonInstanceReader
{
    /// <summary>The current value as text (a string, a number as written, true or false); anything else is skipped and null.</summary>
    private static string? Value(ref Utf8JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return r.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(r.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                r.Skip();
                return null;
        }
    }

    /// <summary>
    /// Moves to the next property's value and says which of the names it has (1 to 4), or 0 (its value then skipped);
    /// -1 at the end of the object.
    /// </summary>
    private static int NextProperty(ref Utf8JsonReader r, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default, ReadOnlySpan<byte> third = default, ReadOnlySpan<byte> fourth = default)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.PropertyName)
        {
            return -1;
        }

        var which = r.ValueTextEquals(first) ? 1
            : !second.IsEmpty && r.ValueTextEquals(second) ? 2
            : !third.IsEmpty && r.ValueTextEquals(third) ? 3
            : !fourth.IsEmpty && r.ValueTextEquals(fourth) ? 4
            : 0;
        r.Read();
        if (which == 0)
        {
            r.Skip();
        }

        return which;
    }

    /// <summary>An image or realm (or a firewall or volume): the id of an object, or the value itself.</summary>
    private static string? ReferenceId(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return Value(ref r);
        }

        string? id = null;
        for (int p; (p = NextProperty(ref r, "id"u8)) >= 0;)
        {
            if (p == 1)
            {
                id = Value(ref r);
            }
        }

        return id;
    }

    /// <summary>A hardware profile's id and the properties that override its defaults.</summary>
    private static (string? Id, Dictionary<string, string> Overrides) Profile(ref Utf8JsonReader r)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return (Value(ref r), overrides);
        }

        string? id = null;
        for (int p; (p = NextProperty(ref r, "id"u8, "properties"u8)) >= 0;)
        {
            switch (p)
            {
                case 1:
                    id = Value(ref r);
                    break;
                case 2:
                    overrides = Overrides(ref r);
                    break;
            }
        }

        return (id, overrides);
    }

    private static Dictionary<string, string> Overrides(ref Utf8JsonReader r)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return overrides;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.GetString()!;
            r.Read();

            // A repeated name is left to the document reader, which refuses it with its own message.
            overrides.AddOnce(name, Value(ref r) ?? string.Empty, "hardware profile property");
        }

        return overrides;
    }

    private static DeltacloudLink[]? Links(ref Utf8JsonReader r, List<DeltacloudLink> links)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            return null;
        }

        links.Clear();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            string? rel = null, href = null, method = null;
            if (r.TokenType != JsonTokenType.StartObject)
            {
                r.Skip();
            }
            else
            {
                for (int p; (p = NextProperty(ref r, "rel"u8, "href"u8, "method"u8)) >= 0;)
                {
                    switch (p)
                    {
                        case 1:
                            rel = Value(ref r);
                            break;
                        case 2:
                            href = Value(ref r);
                            break;
                        case 3:
                            method = Value(ref r);
                            break;
                    }
                }
            }

            links.Add(new DeltacloudLink(rel ?? string.Empty, href ?? string.Empty, method ?? "post"));
        }

        return links.ToArray();
    }

    private static InstanceAddress[]? Addresses(ref Utf8JsonReader r, List<InstanceAddress> addresses)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            return null;
        }

        addresses.Clear();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                addresses.Add(new InstanceAddress(Value(ref r) ?? string.Empty, new AddressType(string.Empty)));
                continue;
            }

            string? address = null, type = null, port = null;
            for (int p; (p = NextProperty(ref r, "address"u8, "type"u8, "port"u8)) >= 0;)
            {
                switch (p)
                {
                    case 1:
                        address = Value(ref r);
                        break;
                    case 2:
                        type = Value(ref r);
                        break;
                    case 3:
                        port = Value(ref r);
                        break;
                }
            }

            addresses.Add(new InstanceAddress(address ?? string.Empty, new AddressType(type ?? string.Empty))
            {
                Port = int.TryParse(port, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null,
            });
        }

        return addresses.ToArray();
    }

    /// <summary>Ids of a list whose entries are objects with an id or plain values (firewalls, storage volumes).</summary>
    private static string[]? Ids(ref Utf8JsonReader r, List<string> ids)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            return null;
        }

        ids.Clear();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (ReferenceId(ref r) is { } id)
            {
                ids.Add(id);
            }
        }

        return ids.ToArray();
    }

    /// <summary>The login details of an <c>authentication</c> object; null (and skipped) for any other value.</summary>
    private static AuthenticationDetails? Authentication(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return null;
        }

        string? keyName = null, username = null, user = null, password = null;
        for (int p; (p = NextProperty(ref r, "keyname"u8, "username"u8, "user"u8, "password"u8)) >= 0;)
        {
            switch (p)
            {
                case 1:
                    keyName = Value(ref r);
                    break;
                case 2:
                    username = Value(ref r);
                    break;
                case 3:
                    user = Value(ref r);
                    break;
                case 4:
                    password = Value(ref r);
                    break;
            }
        }

        return new AuthenticationDetails(keyName, username ?? user, password);
    }

    private readonly record struct AuthenticationDetails(string? KeyName, string? Username, string? Password);
}
