namespace CloudConfig.Testing.Processes;

/// <summary>A finished child process: its exit code and everything it wrote.</summary>
public sealed record ProcessRun(int ExitCode, string Out, string Error)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public string All => Out + Error;
}
