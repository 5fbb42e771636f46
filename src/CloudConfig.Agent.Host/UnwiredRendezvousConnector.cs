using CloudConfig.Core;

namespace CloudConfig.Agent.Host;

/// <summary>
/// The connector this build has: none. The HTTP client of the rendezvous server is built in parallel and is
/// wired in here once it lands; until then the agent stops with a clear error at its first contact instead of
/// pretending to talk to anything.
/// </summary>
internal sealed class UnwiredRendezvousConnector : IRendezvousConnector
{
    public IConfigRendezvous Connect(RendezvousEndpoint endpoint) =>
        throw new ConfigAgentException($"This build of the agent has no rendezvous transport yet, so it cannot contact {endpoint}. The HTTP client is wired in a later build.");
}
