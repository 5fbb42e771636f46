namespace CloudConfig.Tool.Tests;

/// <summary>One run of the tool, in process: its exit code and everything it wrote.</summary>
internal sealed record ToolRun(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();

    /// <summary>Runs <c>cloudconfig args</c> with only the given environment (never the test process's own).</summary>
    public static async Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string>? environment, bool terminal, params string[] args)
    {
        var output = new LockedWriter();
        var error = new LockedWriter();
        var code = await RunAsync(environment, terminal, output, error, CancellationToken.None, args);
        return new ToolRun(code, output.Text, error.Text);
    }

    public static Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(environment, terminal: false, args);

    /// <summary>Runs the tool writing into the given writers (for a watch the test observes while it runs).</summary>
    public static Task<int> RunAsync(IReadOnlyDictionary<string, string>? environment, bool terminal, TextWriter output, TextWriter error, CancellationToken cancellationToken, params string[] args)
    {
        var console = new ToolConsole
        {
            Out = output,
            Error = error,
            OutputIsTerminal = terminal,
            GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
        };
        return CloudConfigCommandLine.RunAsync(args, console, cancellationToken);
    }
}
