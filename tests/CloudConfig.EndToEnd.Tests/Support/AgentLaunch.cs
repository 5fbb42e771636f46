namespace CloudConfig.EndToEnd.Tests;

/// <summary>How to start the agent executable: where its boot string is, what it applies, how fast it gives up.</summary>
internal sealed record AgentLaunch
{
    /// <summary>Passed as <c>--boot-string</c> when set.</summary>
    public string? BootString { get; init; }

    /// <summary>Set in the agent's environment; when it holds <c>CLOUDCONFIG_BOOT</c>, that source is read too.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public bool AllowInsecure { get; init; } = true;

    /// <summary>The configuration command, run as <c>/bin/sh -c</c>.</summary>
    public string Script { get; init; } = AgentSide.Script;

    /// <summary>A state directory to reuse (a restart); a fresh one, removed afterwards, when null.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Small timeouts and retry delays, so a misbehaving server costs a test well under a second per round.</summary>
    public bool Fast { get; init; } = true;

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    public IEnumerable<string> Arguments(string stateDirectory)
    {
        if (BootString is not null)
        {
            yield return "--boot-string";
            yield return BootString;
        }

        string[] isolated =
        [
            "--state-dir", stateDirectory, "--user-data-file", "none", "--metadata-url", "none", "--cmdline-file", "none",
            "--address", AgentSide.ReportedAddress, "--command", "/bin/sh", "--arg", "-c", "--arg", Script,
        ];
        foreach (var argument in isolated)
        {
            yield return argument;
        }

        if (!Environment.ContainsKey("CLOUDCONFIG_BOOT"))
        {
            yield return "--boot-env";
            yield return "";
        }

        string[] fast = ["--request-timeout", "1", "--retry-delay", "0.05", "--max-retry-delay", "0.2"];
        foreach (var argument in (AllowInsecure ? ["--allow-insecure"] : Array.Empty<string>()).Concat(Fast ? fast : []).Concat(ExtraArguments))
        {
            yield return argument;
        }
    }
}
