using CloudConfig.Cache.Nats;

namespace CloudConfig.Testing.Nats;

/// <summary>One cloud site of a <see cref="NatsFederation"/>: its hub, the link to it, and the credentials of each side.</summary>
public sealed class NatsFederationCloud
{
    internal NatsFederationCloud(string domain, NatsServer hub, TcpLinkProxy link, NatsUserCredential rendezvousUser, NatsUserCredential leafUser, NatsUserCredential appUser)
    {
        Domain = domain;
        Hub = hub;
        Link = link;
        RendezvousUser = rendezvousUser;
        LeafUser = leafUser;
        AppUser = appUser;
    }

    /// <summary>The cloud's JetStream domain, also used as its entry domain.</summary>
    public string Domain { get; }

    /// <summary>The cloud's hub server.</summary>
    public NatsServer Hub { get; }

    /// <summary>The link between the on-premises leaf node and this hub; cut it to simulate an outage.</summary>
    public TcpLinkProxy Link { get; }

    /// <summary>The hub user a rendezvous server connects as.</summary>
    public NatsUserCredential RendezvousUser { get; }

    /// <summary>The hub user the on-premises leaf node connects as.</summary>
    public NatsUserCredential LeafUser { get; }

    /// <summary>The on-premises user of this cloud's account, which the app's registry connects as.</summary>
    public NatsUserCredential AppUser { get; }
}
