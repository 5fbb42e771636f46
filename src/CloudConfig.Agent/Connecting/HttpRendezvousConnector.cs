using System.Collections.Concurrent;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Agent;

/// <summary>
/// The agent's default transport: a <see cref="RendezvousInstanceClient"/> per endpoint, pinned to the endpoint's
/// certificate fingerprint when it has one. <c>AddConfigAgent</c> registers one sized by <see cref="ConfigAgentOptions"/>
/// (its <see cref="ConfigAgentOptions.RequestTimeout"/> and <see cref="ConfigAgentOptions.Limits"/>) unless an
/// <see cref="IRendezvousConnector"/> of your own is registered.
/// </summary>
public sealed class HttpRendezvousConnector : IRendezvousConnector, IDisposable
{
    private readonly ConcurrentDictionary<RendezvousEndpoint, RendezvousInstanceClient> _clients = new();
    private readonly Func<RendezvousInstanceClientOptions> _options;
    private readonly ILoggerFactory? _loggerFactory;

    /// <summary>Creates the connector.</summary>
    /// <param name="options">
    /// The client options for each endpoint; by default those for the default <see cref="ConfigAgentOptions"/>: two
    /// quick retries per call (the agent's own capped backoff already paces retries across calls and endpoints) and
    /// answers read up to the size that carries the largest configuration the default limits allow. When you raise
    /// <see cref="ConfigAgentOptions.Limits"/>, raise <see cref="RendezvousInstanceClientOptions.MaxResponseBytes"/>
    /// with <see cref="RendezvousInstanceClientOptions.ResponseLimitFor"/>, or let <c>AddConfigAgent</c> register the connector.
    /// </param>
    /// <param name="loggerFactory">Where the clients log; nowhere when null.</param>
    public HttpRendezvousConnector(Func<RendezvousInstanceClientOptions>? options = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? (() => ClientOptionsFor(new ConfigAgentOptions()));
        _loggerFactory = loggerFactory;
    }

    /// <summary>The client options that suit an agent with <paramref name="agent"/>'s timeout and limits.</summary>
    internal static RendezvousInstanceClientOptions ClientOptionsFor(ConfigAgentOptions agent) => new()
    {
        MaxRetryAttempts = 2,
        RequestTimeout = agent.RequestTimeout,
        MaxResponseBytes = RendezvousInstanceClientOptions.ResponseLimitFor(agent.Limits.MaxConfigurationBytes),
    };

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
