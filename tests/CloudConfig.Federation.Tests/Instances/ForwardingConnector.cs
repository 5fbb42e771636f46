using CloudConfig.Agent;
using CloudConfig.Core;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// How the in-process instances reach their cloud's rendezvous server: whatever endpoint a boot string names, the
/// connection goes to a loopback forwarder whose connections come out of the cloud's pool namespace towards that
/// server. The certificate pin is kept, so the connection is as trusted as an agent process's.
/// </summary>
internal sealed class ForwardingConnector(int forwarderPort) : IRendezvousConnector, IDisposable
{
    private readonly HttpRendezvousConnector _inner = new();

    public IConfigRendezvous Connect(RendezvousEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _inner.Connect(new RendezvousEndpoint(RendezvousAddress.Parse($"127.0.0.1:{forwarderPort}"), endpoint.Fingerprint, endpoint.Scheme));
    }

    public void Dispose() => _inner.Dispose();
}
