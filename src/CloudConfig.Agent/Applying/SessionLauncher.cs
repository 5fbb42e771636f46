namespace CloudConfig.Agent;

/// <summary>
/// Starts the configuration command in a new session (and so a new process group) through <c>setsid(1)</c>, which
/// util-linux and busybox both ship: .NET cannot call setsid() between fork and exec itself. The agent's child is
/// never a group leader, so setsid execs the command in place and the command's pid is its session's id.
/// </summary>
internal static class SessionLauncher
{
    public const string MissingMessage =
        "[cloudconfig-agent: setsid(1) was not found in /usr/bin or /bin. The agent runs every configuration command in a session of its own, "
        + "so that it can end it with everything it started; install util-linux (or busybox) to apply configurations with a command.]";

    private static readonly string[] Candidates = ["/usr/bin/setsid", "/bin/setsid"];

    public static string? Find() => Array.Find(Candidates, File.Exists);

    public static void AddCommand(ICollection<string> argumentList, string fileName, IReadOnlyList<string> arguments)
    {
        // A command named like an option would be read as one; "--" ends setsid's options.
        if (fileName.StartsWith('-'))
        {
            argumentList.Add("--");
        }

        argumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            argumentList.Add(argument);
        }
    }
}
