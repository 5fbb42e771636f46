using NATS.Client.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// One cloud of a <see cref="FederatedConfigRegistry"/>: which entries go there, the cloud's JetStream domain, and
/// how the app reaches that cloud's account on the on-premises server (never the cloud itself: the on-premises
/// server's leaf connection carries everything).
/// </summary>
public sealed class NatsCloudLinkOptions
{
    /// <summary>The entry domain routed to this cloud: <c>pre_register</c>'s <see cref="CloudConfig.Core.ConfigRegistration.Domain"/>.</summary>
    public string Domain { get; set; } = "";

    /// <summary>The cloud's JetStream domain, whose instances bucket the on-premises account mirrors.</summary>
    public string JetStreamDomain { get; set; } = "";

    /// <summary>The on-premises server's URL. Set this or <see cref="Connection"/>, not both.</summary>
    public string? Url { get; set; }

    /// <summary>The on-premises user of this cloud's account.</summary>
    public string? Username { get; set; }

    /// <summary>The user's password. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>An existing connection (as this cloud's account user) to share; never disposed by the registry.</summary>
    public INatsConnection? Connection { get; set; }

    /// <summary>Adjusts the client options of a connection the registry makes (TLS, a credentials file, ...).</summary>
    public Func<NatsOpts, NatsOpts>? ConfigureConnection { get; set; }
}
