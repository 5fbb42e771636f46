using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>
/// The endpoints the agent may use, in order: the one it was booted with, then the entry's config hosts. The agent
/// stays on an endpoint while it works and moves to the next one when it fails.
/// </summary>
internal sealed class EndpointRotation
{
    private readonly List<RendezvousEndpoint> _endpoints = [];
    private int _current;

    public EndpointRotation(RendezvousEndpoint primary) => _endpoints.Add(primary);

    public RendezvousEndpoint Current => _endpoints[_current];

    public RendezvousEndpoint Primary => _endpoints[0];

    public int Count => _endpoints.Count;

    public void Advance() => _current = (_current + 1) % _endpoints.Count;

    /// <summary>Adds config hosts not yet known; ones that are not valid addresses are skipped.</summary>
    public void AddConfigHosts(IEnumerable<string> hosts, Func<RendezvousAddress, RendezvousEndpoint> toEndpoint)
    {
        foreach (var host in hosts)
        {
            if (!TryParse(host, out var address))
            {
                continue;
            }

            if (!_endpoints.Exists(e => e.Address == address))
            {
                _endpoints.Add(toEndpoint(address));
            }
        }
    }

    private static bool TryParse(string host, out RendezvousAddress address)
    {
        try
        {
            address = RendezvousAddress.Parse(host);
            return true;
        }
        catch (BootStringFormatException)
        {
            address = null!;
            return false;
        }
    }
}
