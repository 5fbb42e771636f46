using System.Net;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// One cloud of a <see cref="FederationNetwork"/>: its site namespace (hub, rendezvous server), the namespaces of its
/// instances, and the addresses that matter.
/// </summary>
/// <param name="Domain">The cloud's JetStream and entry domain.</param>
/// <param name="Site">The namespace of the hub and the rendezvous server.</param>
/// <param name="HubAddress">The site's address on its link to on premises, where the hub accepts the leaf connection.</param>
/// <param name="OnPremisesAddress">The on-premises end of that link: the only on-premises address this cloud could try to reach.</param>
/// <param name="OnPremisesInterface">The on-premises end of the link (an interface name in the on-premises namespace).</param>
/// <param name="Pool">The namespace the in-process instances' connections come from.</param>
/// <param name="PoolAddress">The address of <paramref name="Pool"/>'s interface.</param>
/// <param name="Instances">The namespaces of the instances that run as agent processes, one each.</param>
internal sealed record CloudNetwork(
    string Domain,
    NetworkNamespace Site,
    IPAddress HubAddress,
    IPAddress OnPremisesAddress,
    string OnPremisesInterface,
    NetworkNamespace Pool,
    IPAddress PoolAddress,
    IReadOnlyList<InstanceNetwork> Instances);

/// <summary>The namespace of one instance that runs as an agent process, and the address of its only interface.</summary>
internal sealed record InstanceNetwork(NetworkNamespace Namespace, IPAddress Address);
