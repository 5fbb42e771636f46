using System.CommandLine;

namespace CloudConfig.Tool;

/// <summary>Runs one command's body in a session and turns whatever it throws into an exit code and one line.</summary>
internal static class CommandRunner
{
    public static void SetAction(Command command, GlobalOptions options, ToolConsole console, Func<ParseResult, ToolSession, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, options, console, body, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parse, GlobalOptions options, ToolConsole console, Func<ParseResult, ToolSession, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        ConnectionSettings? settings = null;
        try
        {
            using var session = await ToolSession.OpenAsync(parse, options, console, s => settings = s, cancellationToken).ConfigureAwait(false);
            return await body(parse, session, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("cloudconfig: interrupted.").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            return ErrorReport.Write(console, e, settings);
        }
    }
}
