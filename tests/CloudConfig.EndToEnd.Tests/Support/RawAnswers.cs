using System.Globalization;
using System.Text;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>What a raw server can answer, from a correct configuration to every kind of misbehaviour.</summary>
internal static class RawAnswers
{
    public delegate Task Responder(RawRequest request, Stream connection, CancellationToken cancellationToken);

    /// <summary>A correct configuration message for <paramref name="uuid"/>.</summary>
    public static string Configuration(Guid uuid, long generation = 1, string text = "role=web\n") =>
        Configuration(uuid, generation, Encoding.UTF8.GetBytes(text));

    public static string Configuration(Guid uuid, long generation, byte[] content) =>
        $$"""{"uuid":"{{uuid:D}}","configuration":{"contentType":"text/plain","base64":"{{Convert.ToBase64String(content)}}"},"generation":{{generation.ToString(CultureInfo.InvariantCulture)}}}""";

    /// <summary>Reports are accepted (204) and the rest answered by <paramref name="other"/>, as the agent reports refusals.</summary>
    public static Responder AcceptingReports(Responder other) =>
        (request, connection, cancellationToken) => request.IsReport ? Status(204)(request, connection, cancellationToken) : other(request, connection, cancellationToken);

    /// <summary>Fetches answered by <paramref name="fetch"/>, long polls held until the agent gives up, reports accepted.</summary>
    public static Responder Fetch(Responder fetch) => AcceptingReports((request, connection, cancellationToken) =>
        request.Path.Contains("/updates", StringComparison.Ordinal) ? Hang(request, connection, cancellationToken) : fetch(request, connection, cancellationToken));

    public static Responder Status(int status, string? contentType = null, string body = "", params string[] headers) =>
        Bytes(Head(status, contentType, Encoding.UTF8.GetByteCount(body), headers) + body);

    public static Responder Json(int status, string body, params string[] headers) => Status(status, "application/json", body, headers);

    public static Responder Bytes(string raw) => Bytes(Encoding.UTF8.GetBytes(raw));

    public static Responder Bytes(byte[] raw) => async (_, connection, cancellationToken) => await connection.WriteAsync(raw, cancellationToken);

    /// <summary>Reads the request, then never answers (until the server stops).</summary>
    public static Task Hang(RawRequest request, Stream connection, CancellationToken cancellationToken) =>
        Task.Delay(Timeout.Infinite, cancellationToken);

    /// <summary>Hangs up without a word.</summary>
    public static Task CloseAtOnce(RawRequest request, Stream connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A valid head, then the body one byte at a time, slower than any sane timeout allows.</summary>
    public static Responder Drip(Guid uuid) => async (_, connection, cancellationToken) =>
    {
        var body = Encoding.UTF8.GetBytes(Configuration(uuid));
        await connection.WriteAsync(Encoding.ASCII.GetBytes(Head(200, "application/json", body.Length)), cancellationToken);
        foreach (var b in body)
        {
            await connection.WriteAsync(new[] { b }, cancellationToken);
            await connection.FlushAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    };

    /// <summary>A 200 whose JSON body is <paramref name="bytes"/> long: declared up front, or chunked so only reading tells.</summary>
    public static Responder Huge(long bytes, bool declared) => async (_, connection, cancellationToken) =>
    {
        var head = declared
            ? Head(200, "application/json", bytes)
            : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        await connection.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        var prefix = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
        for (long sent = 0; sent < bytes; sent += chunk.Length)
        {
            if (!declared)
            {
                await connection.WriteAsync(prefix, cancellationToken);
            }

            await connection.WriteAsync(chunk, cancellationToken);
            if (!declared)
            {
                await connection.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
            }
        }
    };

    /// <summary>A status line, then header lines forever (well, 1 MiB of them).</summary>
    public static async Task EndlessHeaders(RawRequest request, Stream connection, CancellationToken cancellationToken)
    {
        await connection.WriteAsync("HTTP/1.1 200 OK\r\n"u8.ToArray(), cancellationToken);
        var line = Encoding.ASCII.GetBytes("X-Filler: " + new string('a', 1000) + "\r\n");
        for (var i = 0; i < 1024; i++)
        {
            await connection.WriteAsync(line, cancellationToken);
        }
    }

    public static string Head(int status, string? contentType, long length, params string[] headers)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} Status{status}\r\n");
        if (contentType is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        return head.Append("\r\n").ToString();
    }
}
