namespace CloudConfig.Agent;

/// <summary>
/// Files only the agent's user may read, written so that a crash leaves either the old or the new content, never
/// a torn file: the bytes go to a temporary file created 0600 in the same directory, are flushed to disk, and the
/// temporary file is renamed over the target.
/// </summary>
internal static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Creates the directory 0700, or tightens an existing one to 0700. A shared sticky directory such as /tmp is
    /// refused rather than tightened: changing it would break every other user of it.
    /// </summary>
    /// <exception cref="ConfigAgentException">The directory is a shared sticky directory.</exception>
    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, DirectoryMode);
            File.SetUnixFileMode(path, DirectoryMode);
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOthers) == 0)
        {
            return;
        }

        if ((mode & UnixFileMode.StickyBit) != 0)
        {
            throw new ConfigAgentException($"The directory {path} is shared with other users; the agent needs a private directory of its own for its state.");
        }

        File.SetUnixFileMode(path, DirectoryMode);
    }

    public static async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            // Created private: there is no moment at which the content is readable by others.
            options.UnixCreateMode = FileMode;
        }

        try
        {
            var stream = new FileStream(temporary, options);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
