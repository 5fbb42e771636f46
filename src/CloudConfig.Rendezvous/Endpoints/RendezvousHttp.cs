using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CloudConfig.Rendezvous;

/// <summary>Reading and writing JSON bodies with the source-generated context only.</summary>
internal static class RendezvousHttp
{
    // One writer per thread, pointed at each response's pipe in turn.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// Writes a small JSON body (one message, bounded by the cache's limits) with <paramref name="write"/> at once
    /// into the response's pipe, then flushes: the serializer's resumable async path allocated its frames and its
    /// writer on every request, which was the largest allocation of an agent's fetch after the host's own.
    /// </summary>
    public static async Task WriteSmallJsonAsync<TState>(HttpContext context, int status, TState state, Action<Utf8JsonWriter, TState> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = RendezvousHeaders.JsonMediaType;
        var body = context.Response.BodyWriter;
        var writer = t_writer;
        if (writer is null)
        {
            // Every message comes from one context, so one encoder serves them all.
            writer = t_writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = RendezvousJsonContext.Default.Options.Encoder, SkipValidation = true });
        }
        else
        {
            writer.Reset(body);
        }

        try
        {
            write(writer, state);
            writer.Flush();
        }
        finally
        {
            writer.Reset(Stream.Null);
        }

        await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task WriteJsonAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = RendezvousHeaders.JsonMediaType;
        await JsonSerializer.SerializeAsync(context.Response.Body, value, typeInfo, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task WriteProblemAsync(HttpContext context, ProblemMessage problem)
    {
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = RendezvousHeaders.ProblemMediaType;
        await JsonSerializer.SerializeAsync(context.Response.Body, problem, RendezvousJsonContext.Default.ProblemMessage, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads a JSON body of at most <paramref name="limit"/> bytes.</summary>
    /// <exception cref="UnsupportedMediaTypeException">The body is not JSON.</exception>
    /// <exception cref="RequestBodyTooLargeException">The body is over the limit.</exception>
    /// <exception cref="JsonException">The body is not a valid message.</exception>
    public static async Task<T> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, long limit)
    {
        if (!context.Request.HasJsonContentType() || !IsUtf8(context.Request.ContentType))
        {
            throw new UnsupportedMediaTypeException();
        }

        if (context.Request.ContentLength > limit)
        {
            throw new RequestBodyTooLargeException(limit);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, typeInfo, context.RequestAborted).ConfigureAwait(false)
                ?? throw new InvalidConfigInputException("body", "must not be null.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new RequestBodyTooLargeException(limit);
        }
    }

    /// <summary>
    /// Whether a body of this content type is UTF-8: no charset, or <c>utf-8</c>. Bodies are always read as UTF-8,
    /// so one declared in another charset would be misread rather than refused.
    /// </summary>
    private static bool IsUtf8(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && HeaderUtilities.RemoveQuotes(parsed.Charset) is var charset
        && (charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The field a <see cref="JsonException"/> points at, in the API's naming.</summary>
    public static string FieldOf(JsonException exception) =>
        exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
}
