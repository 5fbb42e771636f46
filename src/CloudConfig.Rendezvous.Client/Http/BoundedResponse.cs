using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;

namespace CloudConfig.Rendezvous.Client;

/// <summary>
/// Reads an answer's body into memory with a limit, so that what a server sends is bounded before it is buffered:
/// a declared length over the limit is refused without reading, and an undeclared one is read until it passes the
/// limit and then abandoned (the handler drains or drops the connection).
/// </summary>
internal static class BoundedResponse
{
    /// <summary>Error bodies are only ever a small problem document; a larger one is dropped, and the status decides.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    private const int ChunkBytes = 16 * 1024;

    /// <summary>
    /// Replaces the response's content with a buffered copy of at most <paramref name="maxBytes"/> bytes. A success
    /// over the limit throws <see cref="RendezvousResponseTooLargeException"/>; an error over the limit keeps no body.
    /// </summary>
    /// <exception cref="HttpRequestException">The body ended before its declared length, or the connection broke.</exception>
    public static async Task BufferAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var limit = response.IsSuccessStatusCode ? maxBytes : Math.Min(maxBytes, MaxErrorBodyBytes);
        byte[]? body;
        if (original.Headers.ContentLength > limit)
        {
            body = null;
        }
        else
        {
            try
            {
                var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    body = await ReadAsync(stream, limit, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (IOException e)
            {
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The rendezvous server's answer ended early.", e);
            }
        }

        if (body is null && response.IsSuccessStatusCode)
        {
            throw new RendezvousResponseTooLargeException(maxBytes, GenerationOf(response.Headers.ETag));
        }

        var buffered = new ByteArrayContent(body ?? []);
        if (body is not null)
        {
            foreach (var (name, values) in original.Headers.NonValidated)
            {
                buffered.Headers.TryAddWithoutValidation(name, values);
            }
        }

        response.Content = buffered;
        original.Dispose();
    }

    /// <summary>The generation in a strong <c>"g&lt;n&gt;"</c> entity tag, as the server writes it.</summary>
    public static long? GenerationOf(EntityTagHeaderValue? tag)
    {
        var text = tag?.Tag;
        return text is { Length: > 3 } && !tag!.IsWeak && text.StartsWith("\"g", StringComparison.Ordinal) && text.EndsWith('"')
            && long.TryParse(text.AsSpan(2, text.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            ? generation
            : null;
    }

    // Null when the body is longer than the limit: it is never read further than one chunk past it.
    private static async Task<byte[]?> ReadAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
