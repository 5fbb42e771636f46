using System.CommandLine;
using System.CommandLine.Invocation;

namespace CloudConfig.Tool;

/// <summary>The <c>cloudconfig</c> command tree, and running it: usage errors exit 2, <c>--help</c> exits 0.</summary>
internal static class CloudConfigCommandLine
{
    public static RootCommand Create(ToolConsole console)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("cloudconfig: look at and manage the entries of a CloudConfig rendezvous server through its app API.");
        options.AddTo(root);

        var entries = new Command("entries", "Read the entries: list, watch, show");
        entries.Subcommands.Add(ListCommand.Create(options, console));
        entries.Subcommands.Add(WatchCommand.Create(options, console));
        entries.Subcommands.Add(ShowCommand.Create(options, console));
        root.Subcommands.Add(entries);
        root.Subcommands.Add(RegisterCommand.Create(options, console));
        root.Subcommands.Add(UpdateCommand.Create(options, console));
        root.Subcommands.Add(RemoveCommand.Create(options, console));
        root.Subcommands.Add(RemoveStaleCommand.Create(options, console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, ToolConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        // Someone reaching for an option that would take the key itself: say why there is none, and do not let the
        // parser's "unrecognized argument" message repeat the key.
        if (args.Any(arg => arg == "--api-key" || arg.StartsWith("--api-key=", StringComparison.Ordinal)))
        {
            await console.Error.WriteLineAsync(
                $"cloudconfig: there is no --api-key option (a command line is visible to every user of the machine); use --api-key-file FILE or {EnvironmentVariables.ApiKey}.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var parse = Create(console).Parse(args);
        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            var key = console.GetEnvironmentVariable(EnvironmentVariables.ApiKey)?.Trim();
            foreach (var error in parse.Errors)
            {
                var message = string.IsNullOrEmpty(key) ? error.Message : error.Message.Replace(key, "[api key]", StringComparison.Ordinal);
                await console.Error.WriteLineAsync($"cloudconfig: {message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"Run '{string.Join(' ', CommandPath(parse))} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }

        names.Push("cloudconfig");
        return names;
    }
}
