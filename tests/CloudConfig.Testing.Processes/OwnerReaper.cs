using System.Diagnostics;
using System.Globalization;

namespace CloudConfig.Testing.Processes;

/// <summary>
/// Cleans up after this test process when it ends without doing so itself (a cancelled run, a killed or crashed test
/// host): a detached shell waits for this process to end, then runs a clean-up script. When the process cleaned up
/// after itself, the script finds nothing left to do.
/// </summary>
/// <remarks>
/// The shell runs in a session of its own, so the Ctrl+C that cancels a run does not reach it, and it is not a child
/// of this process (<c>setsid -f</c> forks), so killing this process's tree does not end it either. It holds none of
/// this process's files: a test runner waiting for its output to close is not kept waiting.
/// </remarks>
public static class OwnerReaper
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="cleanup"/> (<c>/bin/sh</c>) once this process has ended, however it ended.</summary>
    public static void Start(string cleanup)
    {
        ArgumentNullException.ThrowIfNull(cleanup);
        var owner = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-f", "/bin/sh", "-c", $"exec </dev/null >/dev/null 2>&1\ntail --pid={owner} -f /dev/null\n{cleanup}"])
        {
            start.ArgumentList.Add(argument);
        }

        using var setsid = Process.Start(start) ?? throw new InvalidOperationException("setsid did not start.");
        if (!setsid.WaitForExit(StartDeadline) || setsid.ExitCode != 0)
        {
            throw new InvalidOperationException($"The clean-up shell did not start: {setsid.StandardError.ReadToEnd()}");
        }
    }

    /// <summary><paramref name="text"/> as one single-quoted shell word.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
