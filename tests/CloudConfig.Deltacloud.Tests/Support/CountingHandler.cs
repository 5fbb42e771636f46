using System.Collections.Concurrent;

namespace CloudConfig.Deltacloud.Tests.Support;

/// <summary>
/// Records every request the client sends, including ones that never reach a server (refused connections) and ones
/// whose answer the client stopped waiting for (the server logs those only after answering).
/// </summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<string> _sent = new();

    public int Count => _sent.Count;

    /// <summary>Each request as sent: method, path and query (still escaped), and the driver header when there was one.</summary>
    public ConcurrentQueue<(string Method, string PathAndQuery, string? DriverHeader)> Requests { get; } = new();

    public int CountOf(string method, string path) => _sent.Count(s => s == $"{method} {path}");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _sent.Enqueue($"{request.Method.Method} {request.RequestUri!.AbsolutePath}");
        var driver = request.Headers.TryGetValues("X-Deltacloud-Driver", out var values) ? values.First() : null;
        Requests.Enqueue((request.Method.Method, request.RequestUri.PathAndQuery, driver));
        return base.SendAsync(request, cancellationToken);
    }
}
