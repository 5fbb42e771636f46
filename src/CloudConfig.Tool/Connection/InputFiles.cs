namespace CloudConfig.Tool;

/// <summary>Reads the files named on the command line, bounded before they are buffered.</summary>
internal static class InputFiles
{
    /// <summary>The largest configuration file the tool reads; the server's own limit is usually far lower.</summary>
    public const long MaxConfigurationBytes = 32L * 1024 * 1024;

    /// <summary>The file's bytes; a missing, unreadable or oversized file is a usage error naming the file.</summary>
    public static async Task<byte[]> ReadAsync(string path, long maxBytes, string what, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                throw ToolFailureException.Usage($"{what} {path} is {stream.Length} bytes, over the tool's limit of {maxBytes}.");
            }

            // Read one byte past the limit, so that a file without a length (a pipe) is bounded too.
            var buffer = new byte[Math.Min(maxBytes + 1, stream.CanSeek ? stream.Length + 1 : maxBytes + 1)];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            if (total > maxBytes)
            {
                throw ToolFailureException.Usage($"{what} {path} is over the tool's limit of {maxBytes} bytes.");
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw ToolFailureException.Usage($"cannot read {what} {path}: {e.Message}");
        }
    }
}
