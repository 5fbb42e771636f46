using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>A cache whose every operation throws the same exception, counting the calls it got.</summary>
internal sealed class ThrowingCache(Exception thrown) : IConfigCache
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<ConfigEntry> PreRegisterAsync(ConfigRegistration registration, CancellationToken cancellationToken = default) => Throw<ConfigEntry>();

    public Task<ConfigEntry?> GetAsync(Guid uuid, CancellationToken cancellationToken = default) => Throw<ConfigEntry?>();

    public Task<ConfigEntry> UpdateConfigurationAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default) => Throw<ConfigEntry>();

    public Task<bool> RemoveAsync(Guid uuid, CancellationToken cancellationToken = default) => Throw<bool>();

    public Task<int> RemoveStaleAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => Throw<int>();

    public async IAsyncEnumerable<ConfigEntry> ListAsync(ConfigEntryQuery? query = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return await Throw<ConfigEntry>();
    }

    public Task<InstanceConfiguration> FetchAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default) => Throw<InstanceConfiguration>();

    public Task UpdateCacheAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default) => Throw<bool>();

    public Task<InstanceConfiguration?> WaitForUpdateAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default) => Throw<InstanceConfiguration?>();

    public Task<InstanceConfiguration> AssignDynamicAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default) => Throw<InstanceConfiguration>();

    private Task<T> Throw<T>()
    {
        Interlocked.Increment(ref _calls);
        return Task.FromException<T>(thrown);
    }
}
