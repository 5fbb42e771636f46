using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CloudConfig.Core;

/// <summary>
/// Where an instance finds its rendezvous server: a host name, IPv4 address or IPv6 address (in brackets when
/// written), and an optional port. <see cref="Parse"/> also reads a URL (<c>http://host:port/</c>,
/// <c>https://[::1]:8443</c>) and keeps its host and port.
/// </summary>
public sealed partial record RendezvousAddress
{
    /// <summary>Creates an address; IPv6 hosts are given without brackets.</summary>
    /// <exception cref="BootStringFormatException">The host or port is not valid.</exception>
    public RendezvousAddress(string host, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        if ((CheckHost(host, out var isIPv6) ?? CheckPort(port)) is { } problem)
        {
            throw new BootStringFormatException("address", problem);
        }

        Host = host;
        Port = port;
        IsIPv6 = isIPv6;
    }

    /// <summary>The host, without brackets.</summary>
    public string Host { get; }

    /// <summary>The port, when one was given.</summary>
    public int? Port { get; }

    /// <summary>Whether the host is an IPv6 address.</summary>
    public bool IsIPv6 { get; }

    /// <summary>
    /// Reads <c>host</c>, <c>host:port</c>, <c>[ipv6]</c>, <c>[ipv6]:port</c>, or an <c>http</c>/<c>https</c> URL
    /// with nothing but a host, an optional port and an optional trailing <c>/</c>. A URL's scheme is not kept
    /// (whether the agent uses https is its own policy), but its port is, the scheme's default when none is written,
    /// so that <c>https://host/</c> means port 443.
    /// </summary>
    /// <exception cref="RendezvousAddressFormatException">The text is not such an address; the message quotes it and says why.</exception>
    public static RendezvousAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(text, allowUrl: true, out var address) is { } problem
            ? throw new RendezvousAddressFormatException(text, problem)
            : address!;
    }

    /// <summary>Tries to read an address in any form <see cref="Parse"/> accepts.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out RendezvousAddress? address)
    {
        address = null;
        return text is not null && Read(text, allowUrl: true, out address) is null;
    }

    /// <summary>The address as written in a boot string or URL authority.</summary>
    public override string ToString()
    {
        var host = IsIPv6 ? $"[{Host}]" : Host;
        return Port is { } port ? $"{host}:{port.ToString(CultureInfo.InvariantCulture)}" : host;
    }

    /// <summary>The address part of a boot string: no URL, and an error that never quotes the text (a secret may sit beside it).</summary>
    internal static RendezvousAddress ParseInBootString(string text) =>
        Read(text, allowUrl: false, out var address) is { } problem
            ? throw new BootStringFormatException("address", problem)
            : address!;

    // Returns the problem, or null with the address.
    private static string? Read(string text, bool allowUrl, out RendezvousAddress? address)
    {
        address = null;
        if (text.Length == 0)
        {
            return "it is empty.";
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            return allowUrl ? ReadUrl(text, out address) : "a URL cannot stand in a boot string; write host:port.";
        }

        string host;
        string? portText = null;
        if (text[0] == '[')
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return "an IPv6 address opened with '[' must close with ']'.";
            }

            host = text[1..close];
            if (!IPAddress.TryParse(host, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return "the bracketed host is not an IPv6 address.";
            }

            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return "only ':port' may follow a bracketed IPv6 address.";
                }

                portText = rest[1..];
            }
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && text.IndexOf(':', colon + 1) >= 0)
            {
                return "IPv6 addresses must be written in brackets, as [2001:db8::1].";
            }

            host = colon < 0 ? text : text[..colon];
            portText = colon < 0 ? null : text[(colon + 1)..];
        }

        int? port = null;
        if (portText is not null)
        {
            if (ReadPort(portText) is not { } number)
            {
                return "the port must be a number from 1 to 65535 without leading zeros.";
            }

            port = number;
        }

        return Create(host, port, out address);
    }

    private static string? Create(string host, int? port, out RendezvousAddress? address)
    {
        address = null;
        if ((CheckHost(host, out _) ?? CheckPort(port)) is { } problem)
        {
            return problem;
        }

        address = new RendezvousAddress(host, port);
        return null;
    }

    private static string? CheckHost(string host, out bool isIPv6)
    {
        isIPv6 = IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;
        return isIPv6 || IsHostName(host) ? null : "the host must be a DNS name, an IPv4 address or a bracketed IPv6 address.";
    }

    private static string? CheckPort(int? port) =>
        port is < 1 or > 65535 ? "the port must be between 1 and 65535." : null;

    private static int? ReadPort(string text)
    {
        // Leading zeros and signs are refused so that every accepted address writes back exactly as read.
        if (text.Length is 0 or > 5 || text[0] == '0' || !text.All(char.IsAsciiDigit))
        {
            return null;
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
