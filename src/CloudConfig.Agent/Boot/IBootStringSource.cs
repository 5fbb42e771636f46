namespace CloudConfig.Agent;

/// <summary>
/// One place the agent looks for its boot string (the command line, the environment, a user-data file, a metadata
/// service, the kernel command line). Sources are tried in their registration order; the first that yields a
/// readable boot string wins.
/// </summary>
public interface IBootStringSource
{
    /// <summary>A short name for logs and errors, for example <c>environment CLOUDCONFIG_BOOT</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Reads the raw text that may hold the boot string (possibly base64-wrapped or surrounded by white space), or
    /// <see langword="null"/> when this source has nothing. Any failure may be thrown: the agent treats it as
    /// "nothing here" and moves on to the next source. Throw <see cref="InvalidDataException"/> for an answer that is
    /// garbage (its message, which must not quote the answer, is logged as a warning); read with a limit.
    /// </summary>
    ValueTask<string?> ReadAsync(CancellationToken cancellationToken = default);
}
