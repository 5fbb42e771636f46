namespace CloudConfig.Agent;

/// <summary>
/// Starts the configuration command in a new session (and so a new process group) through <c>setsid(1)</c>, which
/// util-linux and busybox both ship: .NET cannot call setsid() between fork and exec itself. The agent's child is
/// never a group leader, so setsid execs the command in place and the command's pid is its session's id.
/// Between the two, <c>/bin/sh</c> sends the command's standard error into its standard output and then execs it in
/// place too: one pipe keeps the order in which the command wrote its lines, so the output tail ends with what the
/// command wrote last (two pipes read concurrently let a late stdout reader push the final error line out of it).
/// </summary>
internal static class SessionLauncher
{
    public const string MissingMessage =
        "[cloudconfig-agent: setsid(1) was not found in /usr/bin or /bin. The agent runs every configuration command in a session of its own, "
        + "so that it can end it with everything it started; install util-linux (or busybox) to apply configurations with a command.]";

    private static readonly string[] Candidates = ["/usr/bin/setsid", "/bin/setsid"];

    public static string? Find() => Array.Find(Candidates, File.Exists);

    /// <summary>The shell that joins the two output streams; every system with setsid(1) has it.</summary>
    public const string Shell = "/bin/sh";

    /// <summary>What the shell runs: error into output, then the command itself in place of the shell.</summary>
    private const string JoinStreamsAndExec = "exec 2>&1; exec \"$@\"";

    public static void AddCommand(ICollection<string> argumentList, string fileName, IReadOnlyList<string> arguments)
    {
        argumentList.Add(Shell);
        argumentList.Add("-c");
        argumentList.Add(JoinStreamsAndExec);
        argumentList.Add("cloudconfig-apply");
        // A command named like an option would be read as one by exec; a path prefix keeps it a file name.
        argumentList.Add(fileName.StartsWith('-') ? "./" + fileName : fileName);
        foreach (var argument in arguments)
        {
            argumentList.Add(argument);
        }
    }
}
