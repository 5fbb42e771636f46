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

        var parts = header.Split(' ');
        try
        {
            return (parts[0], parts.Length) switch
            {
                (RendezvousHeaders.TrustScheme, 2) => new(parts[0], Secret.FromString(parts[1]), null),
                (RendezvousHeaders.BootScheme or RendezvousHeaders.PoolScheme, 3) =>
                    new(parts[0], Secret.FromString(parts[1]), Secret.FromString(parts[2])),
                _ => null,
            };
        }
        catch (InvalidConfigInputException)
        {
            return null;
        }
    }
}
