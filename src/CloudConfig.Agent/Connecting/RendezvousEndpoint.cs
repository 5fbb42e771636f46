using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>
/// Where and how the agent reaches a rendezvous point: the address, the certificate fingerprint to pin (if any)
/// and the URI scheme.
/// </summary>
public sealed record RendezvousEndpoint
{
    /// <summary>The secure scheme, used by default and always when pinning.</summary>
    public const string SecureScheme = "https";

    /// <summary>The plain scheme, only for loopback demos when insecure transport is explicitly allowed.</summary>
    public const string InsecureScheme = "http";

    /// <summary>Creates an endpoint.</summary>
    /// <exception cref="ArgumentException">The scheme is neither https nor http, or http is combined with a fingerprint.</exception>
    public RendezvousEndpoint(RendezvousAddress address, CertificateFingerprint? fingerprint = null, string scheme = SecureScheme)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        if (scheme is not (SecureScheme or InsecureScheme))
        {
            throw new ArgumentException("The scheme must be 'https' or 'http'.", nameof(scheme));
        }

        if (fingerprint is not null && scheme != SecureScheme)
        {
            throw new ArgumentException("A pinned certificate needs 'https'.", nameof(scheme));
        }

        Address = address;
        Fingerprint = fingerprint;
        Scheme = scheme;
    }

    /// <summary>The rendezvous server's address.</summary>
    public RendezvousAddress Address { get; }

    /// <summary>The server certificate's fingerprint to pin, when the boot string carried one.</summary>
    public CertificateFingerprint? Fingerprint { get; }

    /// <summary><c>https</c>, or <c>http</c> for an explicitly allowed insecure demo.</summary>
    public string Scheme { get; }

    /// <summary>Whether the transport is TLS.</summary>
    public bool IsSecure => Scheme == SecureScheme;

    /// <summary>The base URI, for example <c>https://[2001:db8::1]:8443/</c>.</summary>
    public Uri BaseUri => new($"{Scheme}://{Address}/");

    /// <summary>An endpoint for an address, choosing the scheme: http only when allowed and nothing is pinned.</summary>
    public static RendezvousEndpoint For(RendezvousAddress address, CertificateFingerprint? fingerprint, bool allowInsecureTransport) =>
        new(address, fingerprint, allowInsecureTransport && fingerprint is null ? InsecureScheme : SecureScheme);

    /// <summary>The URI and whether it is pinned.</summary>
    public override string ToString() => Fingerprint is null ? BaseUri.ToString() : $"{BaseUri} (pinned)";
}
