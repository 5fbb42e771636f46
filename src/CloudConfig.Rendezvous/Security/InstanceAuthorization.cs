using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;

namespace CloudConfig.Rendezvous;

/// <summary>An instance's <c>Authorization</c> header, parsed: one of the three CloudConfig schemes.</summary>
internal sealed record InstanceAuthorization(string Scheme, Secret First, Secret? Second)
{
    public bool IsBoot => Scheme == RendezvousHeaders.BootScheme;

    public bool IsTrust => Scheme == RendezvousHeaders.TrustScheme;

    public bool IsPool => Scheme == RendezvousHeaders.PoolScheme;

    /// <summary>Reads the header; <see langword="null"/> when it is missing, of another scheme, or malformed.</summary>
    public static InstanceAuthorization? Parse(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > 1024)
        {
            return null;
        }

        // Read in place rather than split: an agent sends this on every poll.
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header.AsSpan() : header.AsSpan(0, space);
        var rest = space < 0 ? null : header[(space + 1)..];
        var second = rest?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        try
        {
            return rest is null ? null
                : scheme.SequenceEqual(RendezvousHeaders.TrustScheme) && second < 0 ? new(RendezvousHeaders.TrustScheme, Secret.FromString(rest), null)
                : (scheme.SequenceEqual(RendezvousHeaders.BootScheme) || scheme.SequenceEqual(RendezvousHeaders.PoolScheme)) && second >= 0 && rest.IndexOf(' ', second + 1) < 0
                    ? new(scheme.SequenceEqual(RendezvousHeaders.BootScheme) ? RendezvousHeaders.BootScheme : RendezvousHeaders.PoolScheme, Secret.FromString(rest[..second]), Secret.FromString(rest[(second + 1)..]))
                : null;
        }
        catch (InvalidConfigInputException)
        {
            return null;
        }
    }
}
