using CloudConfig.Core;

namespace CloudConfig.Cache.Conformance;

/// <summary>
/// A cache that counts the credential checks it forwards to the cache inside: for tests that must show how many
/// requests reached the check (not only what they were answered).
/// </summary>
public sealed class CountingConfigCache(IConfigCache inner) : IConfigCache
{
    private int _fetches;

    /// <summary>How many fetches (each a credential check) reached the cache inside.</summary>
    public int Fetches => Volatile.Read(ref _fetches);

    public Task<InstanceConfiguration> FetchAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _fetches);
        return inner.FetchAsync(uuid, credential, cancellationToken);
    }

    public Task<ConfigEntry> PreRegisterAsync(ConfigRegistration registration, CancellationToken cancellationToken = default) => inner.PreRegisterAsync(registration, cancellationToken);

    public Task<ConfigEntry?> GetAsync(Guid uuid, CancellationToken cancellationToken = default) => inner.GetAsync(uuid, cancellationToken);

    public Task<ConfigEntry> UpdateConfigurationAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default) =>
        inner.UpdateConfigurationAsync(uuid, configuration, cancellationToken);

    public Task<bool> RemoveAsync(Guid uuid, CancellationToken cancellationToken = default) => inner.RemoveAsync(uuid, cancellationToken);

    public Task<int> RemoveStaleAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => inner.RemoveStaleAsync(timeout, cancellationToken);

    public IAsyncEnumerable<ConfigEntry> ListAsync(ConfigEntryQuery? query = null, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

    public Task UpdateCacheAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default) =>
        inner.UpdateCacheAsync(uuid, trustKey, report, cancellationToken);

    public Task<InstanceConfiguration?> WaitForUpdateAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        inner.WaitForUpdateAsync(uuid, trustKey, knownGeneration, timeout, cancellationToken);

    public Task<InstanceConfiguration> AssignDynamicAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default) =>
        inner.AssignDynamicAsync(pool, poolCredential, trustKey, cancellationToken);
}
