using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Client;

/// <summary>Options for <see cref="RendezvousInstanceClient"/>.</summary>
public sealed class RendezvousInstanceClientOptions
{
    /// <summary>The rendezvous server's base URL; only needed when the client comes from dependency injection.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The server certificate's fingerprint (from the boot string): when set, only that certificate is accepted.</summary>
    public CertificateFingerprint? PinnedCertificate { get; set; }

    /// <summary>How long one attempt may take (a long poll gets its wait on top). Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for transient failures. Default 6.</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>The first retry's delay, doubled each time, with jitter. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest single retry delay, including one a server asks for in Retry-After. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
