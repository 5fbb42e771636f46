using System.Collections.Concurrent;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Agent;

/// <summary>
/// The agent's default transport: a <see cref="RendezvousInstanceClient"/> per endpoint, pinned to the endpoint's
/// certificate fingerprint when it has one.
/// </summary>
public sealed class HttpRendezvousConnector : IRendezvousConnector, IDisposable
{
    private readonly ConcurrentDictionary<RendezvousEndpoint, RendezvousInstanceClient> _clients = new();
    private readonly Func<RendezvousInstanceClientOptions> _options;
    private readonly ILoggerFactory? _loggerFactory;

    /// <summary>Creates the connector.</summary>
    /// <param name="options">
    /// The client options for each endpoint; by default two quick retries per call, because the agent's own
    /// capped backoff already paces retries across calls and endpoints.
    /// </param>
    /// <param name="loggerFactory">Where the clients log; nowhere when null.</param>
    public HttpRendezvousConnector(Func<RendezvousInstanceClientOptions>? options = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? (() => new RendezvousInstanceClientOptions { MaxRetryAttempts = 2 });
        _loggerFactory = loggerFactory;
    }

    /// <inheritdoc />
    public IConfigRendezvous Connect(RendezvousEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _clients.GetOrAdd(endpoint, e =>
        {
            var options = _options();
            options.PinnedCertificate = e.Fingerprint;
            return new RendezvousInstanceClient(e.BaseUri, options, _loggerFactory?.CreateLogger<RendezvousInstanceClient>());
        });
    }

    /// <summary>Disposes every client made.</summary>
    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
    }
}
