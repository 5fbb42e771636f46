using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace CloudConfig.Agent.Host;

/// <summary>
/// The agent's options as System.CommandLine symbols; their descriptions are the <c>--help</c> text. Every value
/// option may be repeated (its last value wins), and its value is checked by a parser of its own whose message
/// names the option but never repeats the value: a mistyped option may be followed by a secret.
/// </summary>
internal sealed class AgentCommandLineSymbols
{
    public AgentCommandLineSymbols()
    {
        Command = new Command("cloudconfig-agent", """
            Finds this instance's boot string, fetches its configuration from the rendezvous point, applies it, reports
            back, and waits for newer configurations.
            """)
        {
            BootString, BootEnvironment, UserDataFile, MetadataUrl, KernelCommandLineFile,
            DynamicRendezvous, Pool,
            CommandPath, CommandArguments, CommandTimeout, PassEnvironment, ConfigFile,
            MaxConfigurationBytes, RequestTimeout, RetryDelay, MaxRetryDelay,
            StateDirectory, Address, AllowInsecure, Once, Verbose, Help, Version,
        };
    }

    public Command Command { get; }

    public HelpOption Help { get; } = new();

    public VersionOption Version { get; } = new();

    public Option<string> BootString { get; } = Text("--boot-string", "text", "Boot string source 1: the boot string itself (visible in 'ps' until the agent hides it; prefer the environment)");

    public Option<string> BootEnvironment { get; } = Text("--boot-env", "NAME", "Source 2: the environment variable to read (default CLOUDCONFIG_BOOT; '' to skip)");

    public Option<string> UserDataFile { get; } = Text("--user-data-file", "path", "Source 3: the user-data file (default /var/lib/cloud/instance/user-data.txt; 'none' to skip)");

    public Option<string> MetadataUrl { get; } = Value("--metadata-url", "url", "Source 4: an EC2-style metadata service, IMDSv2 (default http://169.254.169.254; 'none' to skip)", AgentArgumentValues.UrlOrNone);

    public Option<string> KernelCommandLineFile { get; } = Text("--cmdline-file", "path", "Source 5: the kernel command line with cloudconfig.boot= (default /proc/cmdline; 'none' to skip)");

    public Option<string> DynamicRendezvous { get; } = Text("--dynamic-rendezvous", "addr", $"Dynamic flow, when no boot string is found: the rendezvous address baked into the image; the pool credential comes from {AgentCommandLine.PoolCredentialVariable}");

    public Option<string> Pool { get; } = Text("--pool", "name", "Dynamic flow: the pool to claim an entry from");

    public Option<string> CommandPath { get; } = Text("--command", "path", "The command run with the configuration on stdin (else the configuration file is written)");

    public Option<List<string>> CommandArguments { get; } = List("--arg", "value", "An argument for the command (repeatable; taken as it is, even '--' or '-h')");

    public Option<TimeSpan> CommandTimeout { get; } = Value("--command-timeout", "sec", "End the command (and all it started) after this many seconds (default 1800)", AgentArgumentValues.WholeSeconds);

    public Option<List<string>> PassEnvironment { get; } = List("--pass-env", "NAME", "Pass this variable of the agent's to the command too (repeatable)");

    public Option<string> ConfigFile { get; } = Text("--config-file", "path", "Where the configuration is written without --command (default <state-dir>/configuration)");

    public Option<int> MaxConfigurationBytes { get; } = Value("--max-configuration-bytes", "n", "Refuse larger configurations, and answers that could carry one (default 1048576)", AgentArgumentValues.PositiveCount);

    public Option<TimeSpan> RequestTimeout { get; } = Value("--request-timeout", "sec", "How long one request to the rendezvous point may take (default 30)", AgentArgumentValues.Duration);

    public Option<TimeSpan> RetryDelay { get; } = Value("--retry-delay", "sec", "The first delay after every endpoint failed (default 2; doubles)", AgentArgumentValues.Duration);

    public Option<TimeSpan> MaxRetryDelay { get; } = Value("--max-retry-delay", "sec", "The longest delay between retries (default 64)", AgentArgumentValues.Duration);

    public Option<string> StateDirectory { get; } = Text("--state-dir", "path", "The private state directory (default /var/lib/cloudconfig)");

    public Option<string> Address { get; } = Text("--address", "addr", "The address to report (default: detected from the interfaces)");

    public Option<bool> AllowInsecure { get; } = Flag("--allow-insecure", "Allow plain http when no certificate is pinned (loopback demos only)");

    public Option<bool> Once { get; } = Flag("--once", "Exit after the first configuration instead of waiting for updates");

    public Option<bool> Verbose { get; } = Flag("--verbose", "Debug logging");

    /// <summary>The options that take a value, by every name they answer to.</summary>
    public IReadOnlySet<string> ValueOptionNames => Command.Options
        .Where(option => option.Arity.MaximumNumberOfValues > 0)
        .SelectMany(option => option.Aliases.Prepend(option.Name))
        .ToHashSet(StringComparer.Ordinal);

    private static Option<string> Text(string name, string helpName, string description) =>
        Value(name, helpName, description, static (value, _) => value);

    // The parser's result is never null: System.CommandLine would take a null for "no result" and convert the text.
    private static Option<T> Value<T>(string name, string helpName, string description, Func<string, ArgumentResult, T> parse) => new(name)
    {
        HelpName = helpName,
        Description = description,
        // Zero or more, so that repeating an option is no error: its last value wins, as it always has.
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = result => result.Tokens.Count == 0 ? default : parse(result.Tokens[^1].Value, result),
    };

    private static Option<List<string>> List(string name, string helpName, string description) => new(name)
    {
        HelpName = helpName,
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = static result => [.. result.Tokens.Select(token => token.Value)],
    };

    private static Option<bool> Flag(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.Zero,
    };
}
