namespace CloudConfig.Cache.Nats;

/// <summary>
/// One cloud as the on-premises server sees it: the leaf connection it dials out to the cloud's hub, and the
/// on-premises account that link is bound to (one account per cloud, so a cloud reaches nothing of another's).
/// </summary>
public sealed class NatsCloudRemote
{
    /// <summary>The cloud's JetStream domain (its hub's <see cref="NatsServerConfiguration.JetStreamDomain"/>).</summary>
    public required string JetStreamDomain { get; init; }

    /// <summary>The hub's leaf listener(s), as <c>host:port</c>; several for a hub cluster.</summary>
    public required IReadOnlyList<string> HubLeafAddresses { get; init; }

    /// <summary>The credentials the hub expects from this leaf (its <see cref="NatsCloudHubConfiguration.LeafUser"/>).</summary>
    public required NatsUserCredential LeafUser { get; init; }

    /// <summary>The on-premises user the app's registry connects as for this cloud (see <see cref="NatsCloudLinkOptions"/>).</summary>
    public required NatsUserCredential AppUser { get; init; }

    /// <summary>The on-premises account for this cloud; default <c>CLOUD_&lt;JetStreamDomain&gt;</c>.</summary>
    public string? Account { get; init; }

    /// <summary>TLS on the leaf connection: at least <see cref="NatsTlsFiles.CaFile"/> to verify the hub, or null for plain TCP.</summary>
    public NatsTlsFiles? Tls { get; init; }

    /// <summary>The account name used.</summary>
    public string AccountName => Account ?? "CLOUD_" + JetStreamDomain;
}
