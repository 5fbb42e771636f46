using Microsoft.Extensions.Logging.Abstractions;

namespace CloudConfig.Deltacloud.Tests.Support;

/// <summary>One side of a parity comparison: a client configured as the recording's request was, and its server.</summary>
internal sealed class ParityTarget(DeltacloudClient client, DeltacloudClientOptions options, string origin)
{
    public DeltacloudClient Client { get; } = client;

    /// <summary>Scheme, host and port of the server, which every href in its answers starts with.</summary>
    public string Origin { get; } = origin;

    /// <summary>
    /// Sends a request through the client's own transport and error mapping, for requests the public API refuses to
    /// build (a create without image_id), so the server's answer is still read by our code.
    /// </summary>
    public async Task<object?> SendRawAsync(HttpMethod method, string path, params (string Name, string Value)[] form)
    {
        using var transport = new DeltacloudTransport(HttpClientSource.OverOwned(new SocketsHttpHandler()), options, TimeProvider.System, NullLogger.Instance);
        var context = new DeltacloudContext(transport, new DeltacloudSelection(options.Driver, options.Provider), NullLogger.Instance);
        var request = new DeltacloudRequest(method, Origin + path)
        {
            Form = form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList(),
            Retry = false,
        };
        var response = await context.SendAsync(request, CancellationToken.None);
        return response.StatusCode;
    }
}
