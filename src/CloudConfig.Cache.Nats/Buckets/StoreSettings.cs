using CloudConfig.Core;
using NATS.Client.KeyValueStore;

namespace CloudConfig.Cache.Nats;

/// <summary>The store options one site runs with, read once from the public options.</summary>
internal sealed record StoreSettings(
    BucketNames Names,
    TimeSpan OperationTimeout,
    NatsKVStorageType Storage,
    int Replicas,
    TimeSpan RemovalMarkerRetention,
    TimeSpan MirrorStaleAfter,
    TimeSpan ClaimReservationTimeout,
    ConfigCacheLimits Limits)
{
    public static StoreSettings From(NatsStoreOptions options) => new(
        BucketNames.For(options.BucketPrefix),
        options.OperationTimeout,
        options.Storage,
        options.Replicas,
        options.RemovalMarkerRetention,
        options.MirrorStaleAfter,
        options.ClaimReservationTimeout,
        options.Limits);
}
