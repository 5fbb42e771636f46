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

    public int CountOf(string method, string path) => _sent.Count(s => s == $"{method} {path}");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _sent.Enqueue($"{request.Method.Method} {request.RequestUri!.AbsolutePath}");
        return base.SendAsync(request, cancellationToken);
    }
}
