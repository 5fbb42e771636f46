using System.Collections.Concurrent;
using CloudConfig.Core;

namespace CloudConfig.Agent.Tests;

/// <summary>Hands out one recording rendezvous per address, all over the same cache, and logs which endpoints were used.</summary>
internal sealed class TestConnector(IConfigRendezvous cache) : IRendezvousConnector
{
    private readonly ConcurrentDictionary<string, RecordingRendezvous> _byAddress = new();

    public ConcurrentQueue<RendezvousEndpoint> Connected { get; } = new();

    public RecordingRendezvous At(string address) => _byAddress.GetOrAdd(address, _ => new RecordingRendezvous(cache));

    public IConfigRendezvous Connect(RendezvousEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Connected.Enqueue(endpoint);
        return At(endpoint.Address.ToString());
    }
}
