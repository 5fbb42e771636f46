namespace CloudConfig.Deltacloud;

/// <summary>
/// Gives the transport a fresh <see cref="HttpClient"/> for each attempt, which the transport then owns (it may lower its
/// timeout to the options') and disposes; the handlers under it belong to whoever made them and are never disposed here.
/// From <see cref="IHttpClientFactory"/>, asking per attempt is what lets the factory rotate its handlers.
/// </summary>
internal sealed class HttpClientSource : IDisposable
{
    private readonly Func<HttpClient> _create;
    private readonly HttpMessageHandler? _ownedHandler;

    private HttpClientSource(Func<HttpClient> create, HttpMessageHandler? ownedHandler)
    {
        _create = create;
        _ownedHandler = ownedHandler;
    }

    /// <summary>The factory's named client, configured as its registration says, asked for per attempt.</summary>
    public static HttpClientSource FromFactory(IHttpClientFactory factory, string name) => new(() => factory.CreateClient(name), ownedHandler: null);

    /// <summary>Clients over a handler its caller keeps owning.</summary>
    public static HttpClientSource Over(HttpMessageHandler handler) => new(() => new HttpClient(handler, disposeHandler: false), ownedHandler: null);

    /// <summary>Clients over a handler made for this source alone, disposed with it.</summary>
    public static HttpClientSource OverOwned(HttpMessageHandler handler) => new(() => new HttpClient(handler, disposeHandler: false), handler);

    /// <summary>A new client for one attempt; the caller disposes it.</summary>
    public HttpClient Create() => _create();

    public void Dispose() => _ownedHandler?.Dispose();
}
