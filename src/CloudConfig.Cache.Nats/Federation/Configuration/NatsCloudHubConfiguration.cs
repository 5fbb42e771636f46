namespace CloudConfig.Cache.Nats;

/// <summary>
/// The nats-server configuration of a cloud site: the hub the on-premises server dials out to as a leaf node. It
/// is its own JetStream domain; its rendezvous server connects as <see cref="RendezvousUser"/>; the on-premises
/// server connects as <see cref="LeafUser"/>, which may only connect as a leaf node and may not write or administer
/// this site's buckets (it only mirrors the instances bucket and feeds the mirrors of its own buckets).
/// </summary>
public sealed class NatsCloudHubConfiguration() : NatsServerConfiguration("0.0.0.0:4222")
{
    /// <summary>Where the on-premises leaf node connects, as host:port. Default <c>0.0.0.0:7422</c>.</summary>
    public string LeafListen { get; init; } = "0.0.0.0:7422";

    /// <summary>
    /// The address (host:port) the on-premises side dials to reach the leaf listener (a public name, a load
    /// balancer, a proxy), which the hub advertises to it; null to advertise none.
    /// </summary>
    public string? LeafAdvertise { get; init; }

    /// <summary>The account holding the buckets. Default <c>CLOUDCONFIG</c>.</summary>
    public string Account { get; init; } = "CLOUDCONFIG";

    /// <summary>The user of this site's rendezvous server.</summary>
    public required NatsUserCredential RendezvousUser { get; init; }

    /// <summary>The user the on-premises leaf node connects as.</summary>
    public required NatsUserCredential LeafUser { get; init; }

    /// <summary>TLS on the leaf listener (recommended: the link crosses the internet), or null.</summary>
    public NatsTlsFiles? LeafTls { get; init; }

    /// <inheritdoc />
    public override string Render()
    {
        var text = RenderServer("cloud site");
        text.Block("leafnodes", l =>
        {
            l.Value("listen", LeafListen);
            // A leaf node also dials the addresses its hub advertises: make that the address it was given.
            if (LeafAdvertise is null)
            {
                l.Raw("no_advertise", "true");
            }
            else
            {
                l.Value("advertise", LeafAdvertise);
            }

            if (LeafTls is not null)
            {
                l.Block("tls", t => NatsConfigChecks.WriteTls(t, LeafTls));
            }
        });
        text.Block("accounts", a => a.Block(NatsConfigText.Quote(Account) + ":", account => account
            .Raw("jetstream", "enabled")
            .ListOfBlocks("users", [RendezvousUser, LeafUser], (u, user) =>
            {
                u.Value("user", user.User).Value("password", user.Password);
                if (user == RendezvousUser)
                {
                    u.List("allowed_connection_types", ["STANDARD"]);
                    return;
                }

                // 2.9 refuses permissions inside leafnodes.authorization, so the leaf user lives here.
                u.List("allowed_connection_types", ["LEAFNODE"]);
                u.Block("permissions", p => p.Block("publish", d => d.List("deny", FederationSubjects.Protecting(JetStreamDomain))));
            })));
        return text.ToString();
    }
}
