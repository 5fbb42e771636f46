using System.Text;

namespace CloudConfig.Agent;

/// <summary>
/// Reads what a boot string source holds with a limit: a boot string is tiny, so anything over
/// <see cref="MaxBytes"/> (or not UTF-8) is not one, and is refused before more of it is read.
/// </summary>
internal static class BoundedText
{
    /// <summary>The most bytes read from a user-data file, the metadata service or the kernel command line: 64 KiB.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The stream's text, read to its end.</summary>
    /// <exception cref="InvalidDataException">The stream holds more than <paramref name="maxBytes"/> bytes, or text that is not UTF-8.</exception>
    public static async Task<string> ReadAsync(Stream stream, string what, CancellationToken cancellationToken, int maxBytes = MaxBytes)
    {
        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        if (length > maxBytes)
        {
            throw new InvalidDataException($"{what} is over {maxBytes} bytes, too large to hold a boot string.");
        }

        try
        {
            return StrictUtf8.GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{what} is not UTF-8 text.", e);
        }
    }

    /// <summary>The file's text, or <see langword="null"/> when it does not exist.</summary>
    /// <exception cref="InvalidDataException">The file holds more than <see cref="MaxBytes"/> bytes, or text that is not UTF-8.</exception>
    public static async Task<string?> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        // Never trusts the file's reported length: /proc files report 0, and a FIFO or device has none.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
        }
    }
}
