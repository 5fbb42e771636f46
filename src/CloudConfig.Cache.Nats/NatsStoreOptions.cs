using CloudConfig.Core;
using NATS.Client.KeyValueStore;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// How a site keeps its entries in JetStream key-value buckets; shared by <see cref="NatsConfigCacheOptions"/>
/// and <see cref="FederatedConfigRegistryOptions"/>, and the same at every site of a federation.
/// </summary>
public abstract class NatsStoreOptions
{
    /// <summary>The default <see cref="BucketPrefix"/>.</summary>
    public const string DefaultBucketPrefix = "cloudconfig";

    /// <summary>
    /// Names the buckets (<c>&lt;prefix&gt;-entries</c>, <c>-pools</c>, <c>-instances</c>), so several deployments
    /// can share one account. Letters, digits, <c>-</c> and <c>_</c> only; every site of a federation uses the same.
    /// </summary>
    public string BucketPrefix { get; set; } = DefaultBucketPrefix;

    /// <summary>
    /// The longest any call waits for NATS (connecting included) before it fails with
    /// <see cref="ConfigCacheUnavailableException"/>. Default 5 seconds.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the server keeps the buckets it creates. Default <see cref="NatsKVStorageType.File"/> (durable).</summary>
    public NatsKVStorageType Storage { get; set; } = NatsKVStorageType.File;

    /// <summary>How many servers of a JetStream cluster hold each bucket it creates. Default 1 (a single server).</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>
    /// How long a removed entry's removal marker is kept before <c>remove_stale</c> forgets it. A mirror that has not
    /// received a marker before it is forgotten keeps the entry for good, so this must exceed the longest link outage
    /// you tolerate. Measured with the cache's clock against the server's timestamps. Default 7 days.
    /// </summary>
    public TimeSpan RemovalMarkerRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A mirror not heard from (data or heartbeat, about one a second) for this long is considered cut off: the
    /// registry reports the cloud's link as down, and a cloud's rendezvous point answers "unavailable, try again"
    /// rather than a final refusal for an entry it cannot see. Default 5 seconds.
    /// </summary>
    public TimeSpan MirrorStaleAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a dynamic claim's reservation stands before another claim with the same trust key may take it over
    /// (after a rendezvous process died mid-claim). Default 30 seconds.
    /// </summary>
    public TimeSpan ClaimReservationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The sizes the cache accepts (configuration size, parameter map, number of entries, ...).</summary>
    public ConfigCacheLimits Limits { get; set; } = new();
}
