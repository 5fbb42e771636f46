using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud;

/// <summary>
/// What the resource clients share: the transport, the driver/provider selection, the cached entry point, and the
/// choice of parser for each answer.
/// </summary>
internal sealed class DeltacloudContext
{
    private readonly Lock _gate = new();
    private Task<DeltacloudEntryPoint>? _entryPoint;

    public DeltacloudContext(DeltacloudTransport transport, DeltacloudSelection selection, ILogger logger)
    {
        Transport = transport;
        Selection = selection;
        Logger = logger;
    }

    public DeltacloudTransport Transport { get; }

    public DeltacloudSelection Selection { get; }

    public ILogger Logger { get; }

    public DeltacloudClientOptions Options => Transport.Options;

    public TimeProvider TimeProvider => Transport.TimeProvider;

    public string EntryPointUrl => Options.BaseUrl!.ToString();

    /// <summary>Discovers once per client; a failed discovery is not cached, so the next call tries again.</summary>
    public Task<DeltacloudEntryPoint> GetEntryPointAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entryPoint is null || _entryPoint.IsFaulted || _entryPoint.IsCanceled)
            {
                // Not tied to one caller's token: other callers may be waiting on the same discovery.
                _entryPoint = DiscoverAsync();
            }

            return _entryPoint.WaitAsync(cancellationToken);
        }
    }

    public async Task<string> CollectionUrlAsync(string rel, CancellationToken cancellationToken)
    {
        var entryPoint = await GetEntryPointAsync(cancellationToken).ConfigureAwait(false);
        var collection = entryPoint.FindCollection(rel)
            ?? throw new DeltacloudFeatureNotSupportedException($"The server's entry point (driver {entryPoint.Driver}) does not offer the '{rel}' collection.");
        return collection.Href;
    }

    public Task<DeltacloudResponse> SendAsync(DeltacloudRequest request, CancellationToken cancellationToken) =>
        Transport.SendAsync(request, Selection, cancellationToken);

    public async Task<IReadOnlyList<T>> ListAsync<T>(string rel, IReadOnlyList<KeyValuePair<string, string>> query, Func<IDeltacloudParser, string, IReadOnlyList<T>> parse, CancellationToken cancellationToken)
    {
        var url = await CollectionUrlAsync(rel, cancellationToken).ConfigureAwait(false);
        var request = new DeltacloudRequest(HttpMethod.Get, url) { Query = query };
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Parse(response, request, parse);
    }

    public async Task<T> GetAsync<T>(string rel, string id, Func<IDeltacloudParser, string, IReadOnlyList<T>> parse, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var url = DeltacloudRoutes.Member(await CollectionUrlAsync(rel, cancellationToken).ConfigureAwait(false), id);
        var request = new DeltacloudRequest(HttpMethod.Get, url);
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Single(Parse(response, request, parse), request);
    }

    public T Parse<T>(DeltacloudResponse response, DeltacloudRequest request, Func<IDeltacloudParser, string, T> parse)
    {
        if (string.IsNullOrWhiteSpace(response.Body))
        {
            throw DeltacloudErrorMap.Unreadable(request.Method, request.Url, $"the {response.StatusCode} answer has no body.");
        }

        var parser = ParserFor(response, request);
        try
        {
            return parse(parser, response.Body);
        }
        catch (Exception ex) when (ex is XmlException or JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw DeltacloudErrorMap.Unreadable(request.Method, request.Url, ex.Message, ex);
        }
    }

    public static T Single<T>(IReadOnlyList<T> items, DeltacloudRequest request) =>
        items.Count > 0 ? items[0] : throw DeltacloudErrorMap.Unreadable(request.Method, request.Url, "the answer holds no item.");

    private IDeltacloudParser ParserFor(DeltacloudResponse response, DeltacloudRequest request)
    {
        // The server's content type wins over what was asked: ?format= and proxies can change it.
        var type = response.ContentType ?? string.Empty;
        if (type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonDeltacloudParser.Instance;
        }

        if (type.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            return XmlDeltacloudParser.Instance;
        }

        if (DeltacloudErrorBody.LooksLikeHtml(response.Body.TrimStart()))
        {
            throw DeltacloudErrorMap.Unreadable(request.Method, request.Url, "the server answered with an HTML page instead of XML or JSON.");
        }

        return Options.Format == DeltacloudFormat.Json ? JsonDeltacloudParser.Instance : XmlDeltacloudParser.Instance;
    }

    private async Task<DeltacloudEntryPoint> DiscoverAsync()
    {
        var request = new DeltacloudRequest(HttpMethod.Get, EntryPointUrl);
        var response = await SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        var entryPoint = Parse(response, request, static (p, body) => p.ParseEntryPoint(body));
        Logger.EntryPointDiscovered(entryPoint.Version, entryPoint.Driver, entryPoint.Collections.Count);
        return entryPoint;
    }
}
