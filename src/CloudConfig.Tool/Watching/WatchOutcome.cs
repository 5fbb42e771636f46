namespace CloudConfig.Tool;

/// <summary>How a watch ended: the exit code, and a line for standard error when it ended on a failure or a timeout.</summary>
internal sealed record WatchOutcome(int ExitCode, string? Message = null);
