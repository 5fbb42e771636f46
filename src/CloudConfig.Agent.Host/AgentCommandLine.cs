using System.Globalization;
using CloudConfig.Agent;

namespace CloudConfig.Agent.Host;

/// <summary>
/// Plain argument parsing (no reflection, so it stays NativeAOT-clean). Secrets are never taken from arguments
/// other than <c>--boot-string</c>, which exists for tests and demos: argument lists are visible to every user.
/// </summary>
internal sealed class AgentCommandLine
{
    public const string PoolCredentialVariable = ConfigAgentOptions.PoolCredentialEnvironmentVariable;

    public const string Usage = """
        Usage: cloudconfig-agent [options]

        Finds this instance's boot string, fetches its configuration from the rendezvous point, applies it,
        reports back, and waits for newer configurations.

        Boot string sources, in order:
          --boot-string <text>        the boot string itself (visible in 'ps'; prefer the environment)
          --boot-env <NAME>           environment variable to read (default CLOUDCONFIG_BOOT; '' to skip)
          --user-data-file <path>     user-data file (default /var/lib/cloud/instance/user-data.txt; 'none' to skip)
          --metadata-url <url>        EC2-style metadata service, IMDSv2 (default http://169.254.169.254; 'none' to skip)
          --cmdline-file <path>       kernel command line with cloudconfig.boot= (default /proc/cmdline; 'none' to skip)
        Dynamic flow (when no boot string is found):
          --dynamic-rendezvous <addr> rendezvous address baked into the image
          --pool <name>               dynamic pool; the credential comes from CLOUDCONFIG_POOL_CREDENTIAL
        Applying:
          --command <path>            command run with the configuration on stdin (else the file is written)
          --arg <value>               an argument for the command (repeatable)
          --command-timeout <sec>     kill the command after this many seconds (default 1800)
          --pass-env <NAME>           pass this variable of the agent's to the command too (repeatable)
          --config-file <path>        where the file applier writes the configuration
        Limits and pacing:
          --max-configuration-bytes <n>  refuse larger configurations, and answers that could carry one (default 1048576)
          --request-timeout <sec>     how long one request to the rendezvous point may take (default 30)
          --retry-delay <sec>         first delay after every endpoint failed (default 2; doubles)
          --max-retry-delay <sec>     longest delay between retries (default 64)
        Other:
          --state-dir <path>          private state directory (default /var/lib/cloudconfig)
          --address <addr>            address to report (default: detected from the interfaces)
          --allow-insecure            allow plain http when no certificate is pinned (loopback demos only)
          --once                      exit after the first configuration instead of waiting for updates
          --verbose                   debug logging
          --help                      this text
        Exit codes: 0 done or stopped, 1 unexpected error, 2 bad arguments or options, 3 no boot string, 4 credential refused,
        5 server certificate refused, 6 credential cannot be sent, 7 request refused, 8 configuration refused,
        9 another agent holds the state directory.
        """;

    /// <summary>How long one request to the rendezvous point may take; the client's default when null.</summary>
    public TimeSpan? RequestTimeout { get; private set; }

    public bool ShowHelp { get; private set; }

    public bool Verbose { get; private set; }

    public List<string> Errors { get; } = [];

    /// <summary>Reads <paramref name="args"/> into <paramref name="options"/>; problems are collected in <see cref="Errors"/>.</summary>
    public static AgentCommandLine Parse(IReadOnlyList<string> args, ConfigAgentOptions options, Func<string, string?> environment)
    {
        var result = new AgentCommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? inlineValue = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 < args.Count)
                {
                    return args[++i];
                }

                result.Errors.Add($"{name} needs a value.");
                return "";
            }

            switch (name)
            {
                case "--help" or "-h":
                    result.ShowHelp = true;
                    break;
                case "--verbose":
                    result.Verbose = true;
                    break;
                case "--once":
                    options.ExitAfterApply = true;
                    break;
                case "--allow-insecure":
                    options.AllowInsecureTransport = true;
                    break;
                case "--boot-string":
                    options.BootString = Value();
                    break;
                case "--boot-env":
                    options.BootStringEnvironmentVariable = Value();
                    break;
                case "--user-data-file":
                    options.UserDataPath = NoneToNull(Value());
                    break;
                case "--metadata-url":
                    options.MetadataServiceUrl = ParseUrl(Value(), result.Errors);
                    break;
                case "--cmdline-file":
                    options.KernelCommandLinePath = NoneToNull(Value());
                    break;
                case "--dynamic-rendezvous":
                    options.DynamicRendezvousAddress = Value();
                    options.DynamicPoolCredential ??= environment(PoolCredentialVariable);
                    break;
                case "--pool":
                    options.DynamicPool = Value();
                    options.DynamicPoolCredential ??= environment(PoolCredentialVariable);
                    break;
                case "--command":
                    options.Command = Value();
                    break;
                case "--arg":
                    options.CommandArguments.Add(Value());
                    break;
                case "--command-timeout":
                    options.CommandTimeout = ParseSeconds(name, Value(), result.Errors);
                    break;
                case "--pass-env":
                    options.CommandEnvironment.Add(Value());
                    break;
                case "--max-configuration-bytes":
                    options.Limits.MaxConfigurationBytes = ParseCount(name, Value(), result.Errors);
                    break;
                case "--request-timeout":
                    result.RequestTimeout = ParseDuration(name, Value(), result.Errors);
                    break;
                case "--retry-delay":
                    options.InitialRetryDelay = ParseDuration(name, Value(), result.Errors);
                    break;
                case "--max-retry-delay":
                    options.MaxRetryDelay = ParseDuration(name, Value(), result.Errors);
                    break;
                case "--config-file":
                    options.ConfigurationFilePath = Value();
                    break;
                case "--state-dir":
                    options.StateDirectory = Value();
                    break;
                case "--address":
                    options.Address = Value();
                    break;
                default:
                    // The argument itself is not echoed: a mistyped option may be followed by a secret.
                    result.Errors.Add($"Unknown argument at position {i + 1}.");
                    break;
            }
        }

        return result;
    }

    private static string? NoneToNull(string value) => value is "" or "none" ? null : value;

    private static Uri? ParseUrl(string value, List<string> errors)
    {
        if (NoneToNull(value) is null)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        errors.Add("--metadata-url must be an absolute URL or 'none'.");
        return null;
    }

    private static int ParseCount(string name, string value, List<string> errors)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            return count;
        }

        errors.Add($"{name} must be a positive whole number.");
        return 1;
    }

    // Fractions allowed ("0.2"), so that tests and impatient operators can pace retries below a second.
    private static TimeSpan ParseDuration(string name, string value, List<string> errors)
    {
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 86_400)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        errors.Add($"{name} must be a number of seconds above 0 (at most a day).");
        return TimeSpan.FromSeconds(1);
    }

    private static TimeSpan ParseSeconds(string name, string value, List<string> errors)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        errors.Add($"{name} must be a positive whole number of seconds.");
        return TimeSpan.Zero;
    }
}
