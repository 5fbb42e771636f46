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

    /// <summary>What a configuration message holds besides the configuration's base64 (uuid, domain, config hosts): 128 KiB.</summary>
    public const int MessageAllowanceBytes = 128 * 1024;

    /// <summary>
    /// The default for <see cref="MaxResponseBytes"/>: 1,529,176 bytes, a little above the message carrying the largest
    /// configuration a cache accepts (1 MiB, <see cref="ConfigCacheLimits.MaxConfigurationBytes"/>) in base64.
    /// </summary>
    public static readonly long DefaultMaxResponseBytes = ResponseLimitFor(new ConfigCacheLimits().MaxConfigurationBytes);

    /// <summary>The largest answer body read, in bytes; a larger one is refused unread. Default <see cref="DefaultMaxResponseBytes"/>.</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The answer limit that fits a configuration of <paramref name="maxConfigurationBytes"/>: its base64 size plus <see cref="MessageAllowanceBytes"/>.</summary>
    public static long ResponseLimitFor(int maxConfigurationBytes) => (4L * ((Math.Max(maxConfigurationBytes, 0) + 2L) / 3)) + MessageAllowanceBytes;
}
