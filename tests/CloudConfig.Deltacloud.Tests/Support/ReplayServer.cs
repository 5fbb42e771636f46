using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CloudConfig.Deltacloud.Tests.Support;

/// <summary>A WireMock.Net server on loopback that answers with recorded exchanges, links rewritten to its own address.</summary>
internal sealed class ReplayServer : IDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Length", "Connection", "Date", "Transfer-Encoding" };

    private readonly TaskCompletionSource _disposing = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReplayServer() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public string Url => Server.Url!;

    public Uri ApiUrl => new($"{Url}/api");

    public string Rewrite(string? body) => (body ?? string.Empty).Replace(RecordedExchange.RecordedOrigin, Url, StringComparison.Ordinal);

    /// <summary>Stubs the recorded entry point of the format, so collection URLs are discovered from it.</summary>
    public void StubEntryPoint(DeltacloudFormat format) =>
        Stub(RecordedExchange.Get(format == DeltacloudFormat.Json ? "002" : "001"), matchQuery: false);

    /// <summary>Answers the exchange's method and path (and query, when asked) with the recorded status, headers and body.</summary>
    public void Stub(RecordedExchange exchange, bool matchQuery = true, int priority = 10)
    {
        var request = Request.Create().WithPath(exchange.PathOnly).UsingMethod(exchange.Method);
        if (matchQuery)
        {
            foreach (var (name, value) in exchange.QueryParams)
            {
                request = request.WithParam(name, value);
            }
        }

        var response = Response.Create().WithStatusCode(exchange.Status);
        foreach (var (name, value) in exchange.ResponseHeaders.Where(h => !HopHeaders.Contains(h.Key)))
        {
            response = response.WithHeader(name, Rewrite(value));
        }

        if (!string.IsNullOrEmpty(exchange.ResponseBody))
        {
            response = response.WithBody(Rewrite(exchange.ResponseBody));
        }

        Server.Given(request).AtPriority(priority).RespondWith(response);
    }

    public DeltacloudClient CreateClient(DeltacloudFormat format = DeltacloudFormat.Xml, Action<DeltacloudClientOptions>? configure = null, TimeProvider? timeProvider = null, Microsoft.Extensions.Logging.ILogger? logger = null) =>
        TestClients.Create(ApiUrl, format, configure, timeProvider, logger: logger);

    /// <summary>Answers GET on the path with a body, as XML.</summary>
    public void StubXml(string method, string path, string body, int status = 200, int priority = 1) =>
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/xml").WithBody(Rewrite(body)));

    public int CountRequests(string method, string path) =>
        Server.LogEntries.Count(e => string.Equals(e.RequestMessage.Method, method, StringComparison.OrdinalIgnoreCase) && e.RequestMessage.Path == path);

    /// <summary>Holds every answer to the method and path until this server is disposed, long after any client timeout.</summary>
    public void StubAnswerOnlyWhenDisposed(string method, string path) =>
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(1)
            .RespondWith(Response.Create().WithCallback(async _ =>
            {
                await _disposing.Task;
                return new ResponseMessage { StatusCode = 503 };
            }));

    public void Dispose()
    {
        _disposing.TrySetResult();
        Server.Stop();
    }
}
