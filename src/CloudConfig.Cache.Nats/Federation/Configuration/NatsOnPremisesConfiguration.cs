namespace CloudConfig.Cache.Nats;

/// <summary>
/// The nats-server configuration of the on-premises site: its own JetStream domain, one account per cloud, and one
/// outgoing leaf connection per cloud, bound to that cloud's account. It opens no leaf listener: nothing here
/// accepts a connection from a cloud. Each leaf connection refuses the cloud's writes and administration of this
/// site's buckets (<c>deny_imports</c>) and carries none of this site's own JetStream requests (<c>deny_exports</c>).
/// </summary>
public sealed class NatsOnPremisesConfiguration() : NatsServerConfiguration("127.0.0.1:4222")
{
    /// <summary>The clouds this site feeds.</summary>
    public required IReadOnlyList<NatsCloudRemote> Clouds { get; init; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">There is no cloud, a name is not a valid NATS name, or a value contains control characters.</exception>
    public override string Render()
    {
        if (Clouds.Count == 0)
        {
            throw new ArgumentException("At least one cloud is needed.", nameof(Clouds));
        }

        foreach (var cloud in Clouds)
        {
            NatsConfigChecks.Name(nameof(NatsCloudRemote.JetStreamDomain), cloud.JetStreamDomain);
        }

        var text = RenderServer("on-premises site");
        text.Block("accounts", a =>
        {
            foreach (var cloud in Clouds)
            {
                a.Block(NatsConfigText.Quote(cloud.AccountName) + ":", account => account
                    .Raw("jetstream", "enabled")
                    .ListOfBlocks("users", [cloud.AppUser], (u, user) => u.Value("user", user.User).Value("password", user.Password)));
            }
        });
        text.Block("leafnodes", l => l.ListOfBlocks("remotes", Clouds, (r, cloud) =>
        {
            var scheme = cloud.Tls is null ? "nats-leaf" : "tls";
            var userInfo = $"{Uri.EscapeDataString(cloud.LeafUser.User)}:{Uri.EscapeDataString(cloud.LeafUser.Password)}";
            r.List("urls", cloud.HubLeafAddresses.Select(address => $"{scheme}://{userInfo}@{address}"))
                .Value("account", cloud.AccountName)
                .List("deny_imports", FederationSubjects.Protecting(JetStreamDomain))
                .List("deny_exports", FederationSubjects.LocalOnly);
            if (cloud.Tls is not null)
            {
                r.Block("tls", t => NatsConfigChecks.WriteTls(t, cloud.Tls));
            }
        }));
        return text.ToString();
    }
}
