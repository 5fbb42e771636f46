namespace CloudConfig.Tool;

/// <summary>A failure the tool explains itself: one line for standard error and the exit code that goes with it.</summary>
internal sealed class ToolFailureException : Exception
{
    public ToolFailureException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public ToolFailureException()
        : this(ExitCodes.Unexpected, "The command failed.")
    {
    }

    public ToolFailureException(string message)
        : this(ExitCodes.Unexpected, message)
    {
    }

    public ToolFailureException(string message, Exception innerException)
        : base(message, innerException) => ExitCode = ExitCodes.Unexpected;

    /// <summary>The process's exit code.</summary>
    public int ExitCode { get; }

    /// <summary>A usage error: the command line, a setting or an input file is wrong.</summary>
    public static ToolFailureException Usage(string message) => new(ExitCodes.Usage, message);

    /// <summary>No entry with that uuid.</summary>
    public static ToolFailureException NoEntry(Guid uuid) => new(ExitCodes.NotFound, $"no entry {uuid} on the server.");
}
