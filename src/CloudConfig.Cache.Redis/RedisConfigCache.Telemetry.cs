using CloudConfig.Core;

namespace CloudConfig.Cache.Redis;

// The cache's IConfigCache surface: each operation goes straight to its implementation when nothing listens, and
// runs in a client span (and is measured) when something does (see CacheTelemetry and RedisTelemetry).
public sealed partial class RedisConfigCache
{
    /// <summary>
    /// The name of the activity source of the cache's spans (<c>CloudConfig.Cache.Redis</c>): one client span per
    /// operation, named after it (<c>pre_register</c>, <c>fetch</c>, <c>update_cache</c>, ...) and tagged as
    /// OpenTelemetry's database conventions ask (<c>db.system.name</c> <c>redis</c>, <c>db.operation.name</c>,
    /// <c>db.namespace</c>, <c>server.address</c>, <c>server.port</c>) with the entry's uuid; never a secret, a trust
    /// key, the configuration or the connection string. None is made unless someone listens.
    /// </summary>
    public const string ActivitySourceName = RedisTelemetry.Name;

    /// <summary>
    /// The name of the cache's meter (<c>CloudConfig.Cache.Redis</c>): OpenTelemetry's
    /// <c>db.client.operation.duration</c> histogram (seconds), by operation and <c>error.type</c>.
    /// </summary>
    public const string MeterName = RedisTelemetry.Name;

    /// <inheritdoc />
    public Task<ConfigEntry> PreRegisterAsync(ConfigRegistration registration, CancellationToken cancellationToken = default) =>
        _telemetry.PreRegisterAsync(this, registration, cancellationToken, static (cache, r, ct) => cache.PreRegisterCoreAsync(r, ct));

    /// <inheritdoc />
    public Task<ConfigEntry?> GetAsync(Guid uuid, CancellationToken cancellationToken = default) =>
        _telemetry.GetAsync(this, uuid, cancellationToken, static (cache, u, ct) => cache.GetCoreAsync(u, ct));

    /// <inheritdoc />
    public Task<ConfigEntry> UpdateConfigurationAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default) =>
        _telemetry.UpdateConfigurationAsync(this, uuid, configuration, cancellationToken, static (cache, u, c, ct) => cache.UpdateConfigurationCoreAsync(u, c, ct));

    /// <inheritdoc />
    public Task<bool> RemoveAsync(Guid uuid, CancellationToken cancellationToken = default) =>
        _telemetry.RemoveAsync(this, uuid, cancellationToken, static (cache, u, ct) => cache.RemoveCoreAsync(u, ct));

    /// <inheritdoc />
    public Task<int> RemoveStaleAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _telemetry.RemoveStaleAsync(this, timeout, cancellationToken, static (cache, t, ct) => cache.RemoveStaleCoreAsync(t, ct));

    /// <inheritdoc />
    /// <remarks>
    /// Walks the stale index with ZSCAN (never KEYS), so it does not block Redis. Like every SCAN, it sees each
    /// entry that exists throughout the listing once; entries added or removed meanwhile may or may not appear.
    /// </remarks>
    public IAsyncEnumerable<ConfigEntry> ListAsync(ConfigEntryQuery? query = null, CancellationToken cancellationToken = default) =>
        _telemetry.List(this, query, cancellationToken, static (cache, q, ct) => cache.ListCoreAsync(q, ct));

    /// <inheritdoc />
    public Task<InstanceConfiguration> FetchAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default) =>
        _telemetry.FetchAsync(this, uuid, credential, cancellationToken, static (cache, u, c, ct) => cache.FetchCoreAsync(u, c, ct));

    /// <inheritdoc />
    public Task UpdateCacheAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default) =>
        _telemetry.UpdateCacheAsync(this, uuid, trustKey, report, cancellationToken, static (cache, u, k, r, ct) => cache.UpdateCacheCoreAsync(u, k, r, ct));

    /// <inheritdoc />
    /// <remarks>
    /// Pub/sub delivers at most once: a notification published while this process was disconnected is lost. So
    /// when the connection is restored every waiter re-checks its entry instead of trusting it missed nothing.
    /// </remarks>
    public Task<InstanceConfiguration?> WaitForUpdateAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _telemetry.WaitForUpdateAsync(this, uuid, trustKey, knownGeneration, timeout, cancellationToken, static (cache, u, k, g, t, ct) => cache.WaitForUpdateCoreAsync(u, k, g, t, ct));

    /// <inheritdoc />
    public Task<InstanceConfiguration> AssignDynamicAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default) =>
        _telemetry.AssignDynamicAsync(this, pool, poolCredential, trustKey, cancellationToken, static (cache, p, c, k, ct) => cache.AssignDynamicCoreAsync(p, c, k, ct));
}
