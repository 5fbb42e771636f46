using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory;

// The cache's IConfigCache surface: each operation goes straight to its implementation when nothing listens, and
// runs in an internal span of the activity source ActivitySourceName when something does (see CacheTelemetry).
public sealed partial class InMemoryConfigCache
{
    /// <summary>
    /// The name of the activity source of the cache's spans (<c>CloudConfig.Cache.InMemory</c>): one internal span per
    /// operation, named after it (<c>pre_register</c>, <c>fetch</c>, <c>update_cache</c>, ...), tagged with the
    /// entry's uuid and never a secret, a trust key or the configuration. None is made unless someone listens.
    /// </summary>
    public const string ActivitySourceName = "CloudConfig.Cache.InMemory";

    private static readonly CacheTelemetry Telemetry = CacheTelemetry.For(ActivitySourceName);

    /// <inheritdoc />
    public Task<ConfigEntry> PreRegisterAsync(ConfigRegistration registration, CancellationToken cancellationToken = default) =>
        Telemetry.PreRegisterAsync(this, registration, cancellationToken, static (cache, r, ct) => cache.PreRegisterCoreAsync(r, ct));

    /// <inheritdoc />
    public Task<ConfigEntry?> GetAsync(Guid uuid, CancellationToken cancellationToken = default) =>
        Telemetry.GetAsync(this, uuid, cancellationToken, static (cache, u, ct) => cache.GetCoreAsync(u, ct));

    /// <inheritdoc />
    public Task<ConfigEntry> UpdateConfigurationAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default) =>
        Telemetry.UpdateConfigurationAsync(this, uuid, configuration, cancellationToken, static (cache, u, c, ct) => cache.UpdateConfigurationCoreAsync(u, c, ct));

    /// <inheritdoc />
    public Task<bool> RemoveAsync(Guid uuid, CancellationToken cancellationToken = default) =>
        Telemetry.RemoveAsync(this, uuid, cancellationToken, static (cache, u, ct) => cache.RemoveCoreAsync(u, ct));

    /// <inheritdoc />
    public Task<int> RemoveStaleAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Telemetry.RemoveStaleAsync(this, timeout, cancellationToken, static (cache, t, ct) => cache.RemoveStaleCoreAsync(t, ct));

    /// <inheritdoc />
    public IAsyncEnumerable<ConfigEntry> ListAsync(ConfigEntryQuery? query = null, CancellationToken cancellationToken = default) =>
        Telemetry.List(this, query, cancellationToken, static (cache, q, ct) => cache.ListCoreAsync(q, ct));

    /// <inheritdoc />
    public Task<InstanceConfiguration> FetchAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default) =>
        Telemetry.FetchAsync(this, uuid, credential, cancellationToken, static (cache, u, c, ct) => cache.FetchCoreAsync(u, c, ct));

    /// <inheritdoc />
    public Task UpdateCacheAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default) =>
        Telemetry.UpdateCacheAsync(this, uuid, trustKey, report, cancellationToken, static (cache, u, k, r, ct) => cache.UpdateCacheCoreAsync(u, k, r, ct));

    /// <inheritdoc />
    public Task<InstanceConfiguration?> WaitForUpdateAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Telemetry.WaitForUpdateAsync(this, uuid, trustKey, knownGeneration, timeout, cancellationToken, static (cache, u, k, g, t, ct) => cache.WaitForUpdateCoreAsync(u, k, g, t, ct));

    /// <inheritdoc />
    public Task<InstanceConfiguration> AssignDynamicAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default) =>
        Telemetry.AssignDynamicAsync(this, pool, poolCredential, trustKey, cancellationToken, static (cache, p, c, k, ct) => cache.AssignDynamicCoreAsync(p, c, k, ct));
}
