namespace CloudConfig.Tool;

/// <summary>The tool's exit codes; README.md documents the same table.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>An unexpected error (a bug in the tool, or an answer it cannot read).</summary>
    public const int Unexpected = 1;

    /// <summary>The command line, a setting or an input file is wrong; nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The server could not be reached, kept failing, or its certificate was refused.</summary>
    public const int Unavailable = 3;

    /// <summary>The server refused the API key.</summary>
    public const int Unauthorized = 4;

    /// <summary>No such entry.</summary>
    public const int NotFound = 5;

    /// <summary>The server refused the request (invalid input, too large, uuid taken, cache full).</summary>
    public const int Refused = 6;

    /// <summary><c>entries watch --exit-on-failure</c>: an entry failed to apply its configuration.</summary>
    public const int EntryFailed = 7;

    /// <summary><c>entries watch --until-configured --timeout</c>: the time ran out first.</summary>
    public const int TimedOut = 8;

    /// <summary>Interrupted (Ctrl+C or SIGTERM), as shells count 128 + SIGINT.</summary>
    public const int Interrupted = 130;
}
