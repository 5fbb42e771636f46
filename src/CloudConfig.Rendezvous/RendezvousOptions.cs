using CloudConfig.Core;

namespace CloudConfig.Rendezvous;

/// <summary>Options for the rendezvous endpoints.</summary>
public sealed class RendezvousOptions
{
    /// <summary>Bytes allowed on top of the base64-encoded configuration for the rest of a request body.</summary>
    public const int BodyOverheadBytes = 64 * 1024;

    /// <summary>
    /// The app's API key, presented as <c>Authorization: Bearer &lt;key&gt;</c>. Required; at least 22 characters
    /// (128 bits as base64url). Only its hash is kept once the server starts.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The limits of the cache behind the server; request bodies are capped from them. Defaults to Core's defaults.</summary>
    public ConfigCacheLimits Limits { get; set; } = new();

    /// <summary>The longest a long poll for a newer configuration is held open. Default 30 s.</summary>
    public TimeSpan MaxLongPoll { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Failed attempts allowed per source address (per /64 network for IPv6) per <see cref="FailureWindow"/>; past
    /// them, every request of that address gets 429 until the window closes. Default 20.
    /// </summary>
    public int FailuresPerAddress { get; set; } = 20;

    /// <summary>
    /// Failed attempts allowed per uuid (or pool) per <see cref="FailureWindow"/>; past them, wrong credentials for
    /// that entry are answered 429. The right credential is always checked and accepted. Default 10.
    /// </summary>
    public int FailuresPerEntry { get; set; } = 10;

    /// <summary>The window over which failed attempts are counted; it opens at a key's first failure. Default one minute.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often refused requests are logged, as one summary line (counts, reasons, the busiest address and entry)
    /// rather than one line per request. Default one minute.
    /// </summary>
    public TimeSpan RefusalLogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the readiness check (<c>/v1/health/ready</c>) waits for the cache to answer. Default 2 s.</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest page a listing returns. Default 500.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>The largest request body: the base64 of the largest configuration plus <see cref="BodyOverheadBytes"/>.</summary>
    public long MaxRequestBodyBytes => ((Limits?.MaxConfigurationBytes ?? 0) + 2L) / 3 * 4 + BodyOverheadBytes;
}
