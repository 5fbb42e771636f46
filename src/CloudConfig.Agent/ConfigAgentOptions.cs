using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>Options for the instance agent. The defaults suit a Linux cloud instance.</summary>
public sealed class ConfigAgentOptions
{
    /// <summary>The default environment variable that may hold the boot string.</summary>
    public const string DefaultBootStringEnvironmentVariable = "CLOUDCONFIG_BOOT";

    /// <summary>The environment variable the host reads the dynamic pool credential from; never passed on to the applier's command.</summary>
    public const string PoolCredentialEnvironmentVariable = "CLOUDCONFIG_POOL_CREDENTIAL";

    /// <summary>A boot string given directly (the host's <c>--boot-string</c>); tried first. It holds a secret: never log it.</summary>
    public string? BootString { get; set; }

    /// <summary>The environment variable tried second; empty to skip it.</summary>
    public string BootStringEnvironmentVariable { get; set; } = DefaultBootStringEnvironmentVariable;

    /// <summary>The user-data file tried third; null to skip it.</summary>
    public string? UserDataPath { get; set; } = "/var/lib/cloud/instance/user-data.txt";

    /// <summary>The base URL of an EC2-style metadata service (IMDSv2) tried fourth; null to skip it.</summary>
    public Uri? MetadataServiceUrl { get; set; } = new("http://169.254.169.254");

    /// <summary>How long each metadata request may take; off the cloud nothing answers, so keep it short. Default 2 s.</summary>
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The lifetime asked for the IMDSv2 session token. Default 60 s: the agent needs it for one request.</summary>
    public TimeSpan MetadataTokenTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The kernel command line, searched last for a <c>cloudconfig.boot=</c> token; null to skip it.</summary>
    public string? KernelCommandLinePath { get; set; } = "/proc/cmdline";

    /// <summary>The private directory (0700) holding the agent's state, including its trust key. Default <c>/var/lib/cloudconfig</c>.</summary>
    public string StateDirectory { get; set; } = "/var/lib/cloudconfig";

    /// <summary>Whether plain http may be used when the boot string pins no certificate. Only for loopback demos.</summary>
    public bool AllowInsecureTransport { get; set; }

    /// <summary>The address to report; when null, the first non-loopback address of an up interface (IPv4 preferred).</summary>
    public string? Address { get; set; }

    /// <summary>For the dynamic flow: the rendezvous address baked into the image, used when no boot string is found.</summary>
    public string? DynamicRendezvousAddress { get; set; }

    /// <summary>For the dynamic flow: the pool to claim an entry from.</summary>
    public string? DynamicPool { get; set; }

    /// <summary>For the dynamic flow: the pool credential. A secret: never log it.</summary>
    public string? DynamicPoolCredential { get; set; }

    /// <summary>
    /// The command that applies configurations (it gets the configuration on standard input). When null, the
    /// configuration is written to <see cref="ConfigurationFilePath"/> instead.
    /// </summary>
    public string? Command { get; set; }

    /// <summary>The command's arguments.</summary>
    public IList<string> CommandArguments { get; } = [];

    /// <summary>
    /// Names of the agent's environment variables the command gets besides the default ones
    /// (<see cref="CommandApplierEnvironment.PassedByDefault"/>). The agent's credentials are never passed.
    /// </summary>
    public IList<string> CommandEnvironment { get; } = [];

    /// <summary>How long the command may run before it is killed and reported failed. Default 30 minutes.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Where the file applier writes the configuration; default <c>configuration</c> in the state directory.</summary>
    public string? ConfigurationFilePath { get; set; }

    /// <summary>The first retry delay after every endpoint failed. Default 2 s.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest retry delay; the delay doubles up to it. Default 64 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(64);

    /// <summary>The fraction (0 to below 1) by which a retry delay is randomly shortened. Default 0.2.</summary>
    public double RetryJitter { get; set; } = 0.2;

    /// <summary>
    /// How long one request to the rendezvous point may take (a long poll gets <see cref="UpdatePollTimeout"/> on
    /// top), for the default connector that <c>AddConfigAgent</c> registers. Default 30 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one long poll for a newer configuration waits. Default 60 s.</summary>
    public TimeSpan UpdatePollTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The most characters of the applier's output reported (its tail). Default 4096.</summary>
    public int MaxOutputTailChars { get; set; } = 4096;

    /// <summary>Whether to stop after the first configuration is applied (or its stored status re-reported) instead of waiting for updates.</summary>
    public bool ExitAfterApply { get; set; }

    /// <summary>
    /// The rendezvous point's limits, which the agent respects when reporting, and enforces on what it receives (a
    /// larger configuration is refused). Defaults match the caches'. The default connector that <c>AddConfigAgent</c>
    /// registers reads answers up to the size that carries a configuration of <see cref="ConfigCacheLimits.MaxConfigurationBytes"/>
    /// (<c>RendezvousInstanceClientOptions.ResponseLimitFor</c>); a connector of your own must be sized alike.
    /// </summary>
    public ConfigCacheLimits Limits { get; set; } = new();

    /// <summary>Whether the dynamic flow is configured.</summary>
    public bool IsDynamic => DynamicRendezvousAddress is not null || DynamicPool is not null || DynamicPoolCredential is not null;
}
