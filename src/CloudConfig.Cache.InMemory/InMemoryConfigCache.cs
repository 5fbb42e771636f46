using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CloudConfig.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.InMemory;

/// <summary>
/// The embedded config cache: everything in this process's memory, thread-safe and exact under contention.
/// Entries live in 64 shards by uuid, each a dictionary with its own lock; an operation holds one shard's lock for a
/// few field writes, so instances contacting different entries rarely meet and nothing waits for a process-wide lock.
/// </summary>
/// <remarks>The operations complete synchronously; they return tasks to fit <see cref="IConfigCache"/>.</remarks>
public sealed partial class InMemoryConfigCache : IConfigCache
{
    // How many stale entries a sweep takes from a shard at a time: contacts to that shard wait at most that long.
    private const int SweepBatch = 1024;

    // A power of two, so a shard is picked with a mask; a few times the cores of any machine this runs on.
    private const int ShardCount = 64;

    private readonly EntryShard[] _shards = CreateShards();
    private readonly ConcurrentDictionary<string, DynamicPool> _pools = new(StringComparer.Ordinal);
    private readonly Lock _sweepLock = new();
    private readonly ConfigCacheLimits _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _count;

    /// <summary>Creates a cache.</summary>
    /// <param name="options">The options; defaults when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public InMemoryConfigCache(
        IOptions<InMemoryConfigCacheOptions>? options = null,
        TimeProvider? timeProvider = null,
        ILogger<InMemoryConfigCache>? logger = null)
    {
        var value = options?.Value ?? new InMemoryConfigCacheOptions();
        var validation = new InMemoryConfigCacheOptionsValidator().Validate(Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(InMemoryConfigCacheOptions), validation.Failures);
        }

        _limits = value.Limits;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<InMemoryConfigCache>.Instance;
    }

    /// <summary>The number of entries held.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>How many slots the stale index holds (one per entry, however many contacts); for tests.</summary>
    internal int ContactLogLength => _shards.Sum(shard => shard.Count);

    /// <inheritdoc cref="IConfigRegistry.PreRegisterAsync" />
    private Task<ConfigEntry> PreRegisterCoreAsync(ConfigRegistration registration, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ConfigInputValidator.ValidateRegistration(registration, _limits);
        var pool = registration.DynamicPool is { } poolName ? GetOrCreatePool(poolName, registration.CredentialHash) : null;
        ReserveSlot();
        var shard = ShardOf(registration.Uuid);
        ConfigEntry? added = null;
        lock (shard.Lock)
        {
            var slot = new EntrySlot(registration, _time.GetUtcNow());
            if (shard.TryAdd(slot))
            {
                added = slot.ToEntry();
            }
        }

        if (added is null)
        {
            Interlocked.Decrement(ref _count);
            throw new ConfigEntryAlreadyExistsException(registration.Uuid);
        }

        pool?.Add(registration.Uuid);
        Log.Registered(_logger, registration.Uuid, registration.DynamicPool);
        return Task.FromResult(added);
    }

    /// <inheritdoc cref="IConfigRegistry.GetAsync" />
    private Task<ConfigEntry?> GetCoreAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var shard = ShardOf(uuid);
        lock (shard.Lock)
        {
            return Task.FromResult(shard.TryGet(uuid, out var slot) ? slot.ToEntry() : null);
        }
    }

    /// <inheritdoc cref="IConfigRegistry.UpdateConfigurationAsync" />
    private Task<ConfigEntry> UpdateConfigurationCoreAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ConfigInputValidator.ValidateUuid(uuid);
        ConfigInputValidator.ValidateConfiguration(configuration, _limits);
        var shard = ShardOf(uuid);
        ConfigEntry updated;
        lock (shard.Lock)
        {
            if (!shard.TryGet(uuid, out var slot))
            {
                throw new ConfigEntryNotFoundException();
            }

            slot.ReplaceConfiguration(configuration);
            updated = slot.ToEntry();
        }

        Log.ConfigurationUpdated(_logger, uuid, updated.Generation);
        SignalChange(uuid);
        return Task.FromResult(updated);
    }

    /// <inheritdoc cref="IConfigRegistry.RemoveAsync" />
    private Task<bool> RemoveCoreAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var shard = ShardOf(uuid);
        EntrySlot? removed;
        lock (shard.Lock)
        {
            shard.TryRemove(uuid, out removed);
        }

        if (removed is not null)
        {
            OnRemoved(removed);
            Log.Removed(_logger, uuid);
        }

        return Task.FromResult(removed is not null);
    }

    /// <inheritdoc cref="IConfigRegistry.RemoveStaleAsync" />
    private Task<int> RemoveStaleCoreAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ConfigInputValidator.ValidateStaleTimeout(timeout);
        var cutoff = _time.GetUtcNow() - timeout;
        var removed = 0;
        var stale = new List<EntrySlot>(SweepBatch);
        // One sweeper at a time; contacts wait only for the shard being swept, one batch at a time.
        lock (_sweepLock)
        {
            foreach (var shard in _shards)
            {
                do
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    stale.Clear();
                    lock (shard.Lock)
                    {
                        shard.RemoveOlderThan(cutoff, stale, SweepBatch);
                    }

                    foreach (var slot in stale)
                    {
                        OnRemoved(slot);
                    }

                    removed += stale.Count;
                }
                while (stale.Count == SweepBatch);
            }
        }

        if (removed > 0)
        {
            Log.StaleRemoved(_logger, removed, timeout);
        }

        return Task.FromResult(removed);
    }

    /// <inheritdoc cref="IConfigRegistry.ListAsync" />
    private async IAsyncEnumerable<ConfigEntry> ListCoreAsync(ConfigEntryQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A shard at a time, copied under its lock and handed out after it: the caller's pace never holds a lock.
        var batch = new List<ConfigEntry>();
        foreach (var shard in _shards)
        {
            batch.Clear();
            lock (shard.Lock)
            {
                shard.AddEntriesTo(batch);
            }

            foreach (var entry in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (query is null || query.Matches(entry))
                {
                    yield return entry;
                }
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private void OnRemoved(EntrySlot removed)
    {
        Interlocked.Decrement(ref _count);
        if (removed.DynamicPool is { } poolName && removed.TrustKeyHash is { } trustKeyHash && _pools.TryGetValue(poolName, out var pool))
        {
            pool.Claims.TryRemove(new KeyValuePair<SecretHash, Guid>(trustKeyHash, removed.Uuid));
        }

        SignalChange(removed.Uuid);
    }

    private DynamicPool GetOrCreatePool(string name, SecretHash credential)
    {
        var pool = _pools.GetOrAdd(name, static (_, hash) => new DynamicPool(hash), credential);
        if (!pool.Credential.Equals(credential))
        {
            throw new InvalidConfigInputException("credentialHash", "does not match the credential the dynamic pool was created with.");
        }

        return pool;
    }

    private void ReserveSlot()
    {
        if (Interlocked.Increment(ref _count) > _limits.MaxEntries)
        {
            Interlocked.Decrement(ref _count);
            throw new ConfigCacheFullException(_limits.MaxEntries);
        }
    }

    private EntryShard ShardOf(Guid uuid) => _shards[uuid.GetHashCode() & (ShardCount - 1)];

    private static EntryShard[] CreateShards()
    {
        var shards = new EntryShard[ShardCount];
        for (var i = 0; i < shards.Length; i++)
        {
            shards[i] = new EntryShard();
        }

        return shards;
    }
}
