namespace CloudConfig.Agent.Host;

// The one line that says why the agent stopped; the codes are ConfigAgentExitCodes (README.md, --help).
internal static partial class Program
{
    private const int MaxLineLength = 2000;

    /// <summary>Writes the reason on one line of standard error and returns the exit code.</summary>
    private static async Task<int> FailAsync(int exitCode, string reason)
    {
        // A server's words can reach the reason (a problem's detail): control characters would forge more lines.
        var line = string.Concat(reason.Take(MaxLineLength).Select(c => char.IsControl(c) ? ' ' : c));
        await Console.Error.WriteLineAsync($"cloudconfig-agent: {line} (exit code {exitCode})").ConfigureAwait(false);
        return exitCode;
    }
}
