using CloudConfig.Core;

namespace CloudConfig.Cache.Rendezvous;

/// <summary>Options for <see cref="RendezvousConfigCache"/>, the app's side of a remote rendezvous server.</summary>
public sealed class RendezvousConfigCacheOptions
{
    /// <summary>The rendezvous server's base URL. Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The server's API key (sent as <c>Authorization: Bearer</c>). Required.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The server certificate's fingerprint: when set, only that certificate is accepted.</summary>
    public CertificateFingerprint? PinnedCertificate { get; set; }

    /// <summary>How long one attempt may take. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for transient failures. Default 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first retry's delay, doubled each time, with jitter. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest single retry delay. Default 10 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many entries a listing fetches per request. Default 500.</summary>
    public int PageSize { get; set; } = 500;
}
