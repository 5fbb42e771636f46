using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// One cloud as the on-premises registry holds it: a connection to the cloud's account on the on-premises server,
/// the buckets there (entries and pools written here, instances mirrored from the cloud), and the last status read.
/// </summary>
internal sealed class CloudLink : IAsyncDisposable
{
    private readonly MirrorFreshness _freshness;
    private readonly TimeProvider _time;
    private CloudLinkStatus? _lastStatus;

    public CloudLink(NatsCloudLinkOptions options, StoreSettings settings, TimeProvider time, ILogger logger)
    {
        Domain = options.Domain;
        JetStreamDomain = options.JetStreamDomain;
        _time = time;
        _freshness = new MirrorFreshness(settings.MirrorStaleAfter);
        var connection = new NatsSiteConnection(
            new NatsConnectionSettings(options.Url, options.Username, options.Password, options.Connection, options.ConfigureConnection),
            settings.OperationTimeout,
            $"the on-premises site (account of cloud {JetStreamDomain})",
            logger);
        Site = new NatsSite(connection, settings, SiteLayout.OnPremises(JetStreamDomain), logger);
        Registry = new SiteRegistry(Site, new PoolQueue(), time, logger);
    }

    public string Domain { get; }

    public string JetStreamDomain { get; }

    public NatsSite Site { get; }

    public SiteRegistry Registry { get; }

    /// <summary>The status read last (by a call or the background refresh), or null before the first.</summary>
    public CloudLinkStatus? LastStatus => Volatile.Read(ref _lastStatus);

    public async Task<CloudLinkStatus> ReadStatusAsync(CancellationToken cancellationToken)
    {
        var buckets = await Site.GetBucketsAsync(cancellationToken).ConfigureAwait(false);
        var state = await buckets.Instances.GetStateAsync(cancellationToken).ConfigureAwait(false);
        var mirror = state.Mirror;
        var status = new CloudLinkStatus
        {
            Domain = Domain,
            JetStreamDomain = JetStreamDomain,
            IsUp = mirror is not null && _freshness.IsLinked(mirror),
            SinceLastContact = mirror?.SinceActive,
            PendingRecords = mirror?.Lag ?? 0,
            Error = mirror?.Error,
            ObservedAt = _time.GetUtcNow(),
        };
        Volatile.Write(ref _lastStatus, status);
        return status;
    }

    public ValueTask DisposeAsync() => Site.DisposeAsync();
}
