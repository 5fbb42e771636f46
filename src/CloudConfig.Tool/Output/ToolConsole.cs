namespace CloudConfig.Tool;

/// <summary>
/// Everything the tool reads from or writes to its surroundings, so that tests run it in process with their own
/// writers, environment and clock instead of the process's.
/// </summary>
internal sealed class ToolConsole
{
    /// <summary>Standard output: results only (tables, JSON, the boot string).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: errors, notes and verbose output.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Whether standard output is a terminal; when it is not, the output is plain text.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = _ => null;

    /// <summary>The clock (polling intervals, "last contact 5s ago").</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The process's own console and environment.</summary>
    public static ToolConsole FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        OutputIsTerminal = !Console.IsOutputRedirected,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
    };
}
