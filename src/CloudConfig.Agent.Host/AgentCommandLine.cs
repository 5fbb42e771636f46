using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using CloudConfig.Agent;

namespace CloudConfig.Agent.Host;

/// <summary>
/// The agent's command line, parsed with System.CommandLine (no reflection, so it stays NativeAOT-clean). Secrets
/// are never taken from arguments other than <c>--boot-string</c>, which exists for tests and demos: argument lists
/// are visible to every user. Problems are collected in <see cref="Errors"/>, never echoing an argument.
/// </summary>
internal sealed class AgentCommandLine
{
    public const string PoolCredentialVariable = ConfigAgentOptions.PoolCredentialEnvironmentVariable;

    private const int HelpWidth = 118;

    private const string MoreHelp = """
        The boot string sources are tried in the order 1 to 5; the dynamic flow when none holds a boot string.

        Exit codes: 0 done or stopped (and --help, --version), 1 unexpected error, 2 bad arguments or options,
        3 no boot string, 4 credential refused, 5 server certificate refused, 6 credential cannot be sent,
        7 request refused, 8 configuration refused, 9 another agent holds the state directory.
        """;

    private readonly AgentCommandLineSymbols _symbols;
    private readonly ParseResult _parse;
    private readonly Func<string, string?> _environment;

    private AgentCommandLine(AgentCommandLineSymbols symbols, ParseResult parse, Func<string, string?> environment, List<string> errors)
    {
        _symbols = symbols;
        _parse = parse;
        _environment = environment;
        Errors = errors;
    }

    /// <summary>The <c>--help</c> text: every option, the sources' order and the exit codes.</summary>
    public static string Usage => Render("--help").TrimEnd() + Environment.NewLine + Environment.NewLine + MoreHelp;

    /// <summary>The <c>--version</c> text: the informational version.</summary>
    public static string VersionText => Render("--version").TrimEnd();

    public bool ShowHelp => Given(_symbols.Help);

    public bool ShowVersion => Given(_symbols.Version);

    public bool Verbose => Given(_symbols.Verbose);

    public IReadOnlyList<string> Errors { get; }

    /// <summary>Parses <paramref name="args"/>; the pool credential, when the dynamic flow is asked for, comes from <paramref name="environment"/>.</summary>
    public static AgentCommandLine Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        var symbols = new AgentCommandLineSymbols();
        var missingValues = new List<string>();
        var joined = AgentArgumentTokens.JoinValues(args, symbols.ValueOptionNames, missingValues);
        // No response files: '@path' would read a file the agent's caller named.
        var parse = symbols.Command.Parse([.. joined.Select(token => token.Text)], new ParserConfiguration { ResponseFileTokenReplacer = null });
        var errors = AgentArgumentTokens.Unknown(parse, joined).ToList();
        errors.AddRange(missingValues);
        // The options' own problems; the parser's "unrecognized argument" ones would repeat the argument, and are
        // said by position above instead.
        errors.AddRange(parse.Errors.Where(error => error.SymbolResult is OptionResult or ArgumentResult).Select(error => error.Message));
        if (errors.Count == 0 && parse.Errors.Count > 0)
        {
            errors.Add("The arguments could not be read.");
        }
        return new AgentCommandLine(symbols, parse, environment, errors);
    }

    /// <summary>Parses <paramref name="args"/> into <paramref name="options"/>.</summary>
    public static AgentCommandLine Parse(IReadOnlyList<string> args, ConfigAgentOptions options, Func<string, string?> environment)
    {
        var commandLine = Parse(args, environment);
        commandLine.ApplyTo(options);
        return commandLine;
    }

    /// <summary>Sets what the command line gave in <paramref name="options"/>; the rest keeps its default.</summary>
    public void ApplyTo(ConfigAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Set(_symbols.BootString, value => options.BootString = value);
        Set(_symbols.BootEnvironment, value => options.BootStringEnvironmentVariable = value);
        Set(_symbols.UserDataFile, value => options.UserDataPath = AgentArgumentValues.NoneToNull(value));
        Set(_symbols.MetadataUrl, value => options.MetadataServiceUrl = AgentArgumentValues.UrlOrNull(value));
        Set(_symbols.KernelCommandLineFile, value => options.KernelCommandLinePath = AgentArgumentValues.NoneToNull(value));
        Set(_symbols.DynamicRendezvous, value =>
        {
            options.DynamicRendezvousAddress = value;
            options.DynamicPoolCredential ??= _environment(PoolCredentialVariable);
        });
        Set(_symbols.Pool, value =>
        {
            options.DynamicPool = value;
            options.DynamicPoolCredential ??= _environment(PoolCredentialVariable);
        });
        Set(_symbols.CommandPath, value => options.Command = value);
        Set(_symbols.CommandArguments, values => values.ForEach(options.CommandArguments.Add));
        Set(_symbols.CommandTimeout, value => options.CommandTimeout = value);
        Set(_symbols.PassEnvironment, values => values.ForEach(options.CommandEnvironment.Add));
        Set(_symbols.ConfigFile, value => options.ConfigurationFilePath = value);
        Set(_symbols.MaxConfigurationBytes, value => options.Limits.MaxConfigurationBytes = value);
        Set(_symbols.RequestTimeout, value => options.RequestTimeout = value);
        Set(_symbols.RetryDelay, value => options.InitialRetryDelay = value);
        Set(_symbols.MaxRetryDelay, value => options.MaxRetryDelay = value);
        Set(_symbols.StateDirectory, value => options.StateDirectory = value);
        Set(_symbols.Address, value => options.Address = value);
        options.AllowInsecureTransport |= Given(_symbols.AllowInsecure);
        options.ExitAfterApply |= Given(_symbols.Once);
    }

    // A flag has a result even when absent (its implicit 'false'): only one from the command line counts.
    private bool Given(Option flag) => _parse.GetResult(flag) is { Implicit: false };

    private void Set<T>(Option<T> option, Action<T> set)
    {
        // A value with a problem is never used (the agent exits with code 2); an option not given keeps the default.
        if (_parse.GetResult(option) is { Tokens.Count: > 0 } result && !_parse.Errors.Any(error => error.SymbolResult == result))
        {
            set(_parse.GetValue(option)!);
        }
    }

    private static string Render(string option)
    {
        var symbols = new AgentCommandLineSymbols();
        if (symbols.Help.Action is HelpAction help)
        {
            help.MaxWidth = HelpWidth;
        }

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        symbols.Command.Parse([option]).Invoke(new InvocationConfiguration { Output = output });
        return output.ToString();
    }
}
