using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CloudConfig.Core;

/// <summary>
/// Where an instance finds its rendezvous server: a host name, IPv4 address or IPv6 address (in brackets when
/// written), and an optional port.
/// </summary>
public sealed record RendezvousAddress
{
    /// <summary>Creates an address; IPv6 hosts are given without brackets.</summary>
    /// <exception cref="BootStringFormatException">The host or port is not valid.</exception>
    public RendezvousAddress(string host, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        IsIPv6 = IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;
        if (!IsIPv6 && !IsHostName(host))
        {
            throw new BootStringFormatException("address", "the host must be a DNS name, an IPv4 address or a bracketed IPv6 address.");
        }

        if (port is < 1 or > 65535)
        {
            throw new BootStringFormatException("address", "the port must be between 1 and 65535.");
        }

        Host = host;
        Port = port;
    }

    /// <summary>The host, without brackets.</summary>
    public string Host { get; }

    /// <summary>The port, when one was given.</summary>
    public int? Port { get; }

    /// <summary>Whether the host is an IPv6 address.</summary>
    public bool IsIPv6 { get; }

    /// <summary>Reads <c>host</c>, <c>host:port</c>, <c>[ipv6]</c> or <c>[ipv6]:port</c>.</summary>
    /// <exception cref="BootStringFormatException">The text is not such an address.</exception>
    public static RendezvousAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new BootStringFormatException("address", "is empty.");
        }

        string host;
        string? portText = null;
        if (text[0] == '[')
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new BootStringFormatException("address", "an IPv6 address opened with '[' must close with ']'.");
            }

            host = text[1..close];
            if (!IPAddress.TryParse(host, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
            {
                throw new BootStringFormatException("address", "the bracketed host is not an IPv6 address.");
            }

            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                portText = rest[0] == ':' ? rest[1..] : throw new BootStringFormatException("address", "only ':port' may follow a bracketed IPv6 address.");
            }
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && text.IndexOf(':', colon + 1) >= 0)
            {
                throw new BootStringFormatException("address", "IPv6 addresses must be written in brackets, as [2001:db8::1].");
            }

            host = colon < 0 ? text : text[..colon];
            portText = colon < 0 ? null : text[(colon + 1)..];
        }

        return new RendezvousAddress(host, portText is null ? null : ParsePort(portText));
    }

    /// <summary>The address as written in a boot string or URL authority.</summary>
    public override string ToString()
    {
        var host = IsIPv6 ? $"[{Host}]" : Host;
        return Port is { } port ? $"{host}:{port.ToString(CultureInfo.InvariantCulture)}" : host;
    }

    private static int ParsePort(string text)
    {
        // Leading zeros and signs are refused so that every accepted address writes back exactly as read.
        if (text.Length is 0 or > 5 || text[0] == '0' || !text.All(char.IsAsciiDigit))
        {
            throw new BootStringFormatException("address", "the port must be a number from 1 to 65535 without leading zeros.");
        }

        return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static bool IsHostName(string host)
    {
        if (host.Length is 0 or > 253 || host[0] == '.' || host[^1] == '.' || host.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '.' and not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }
}
