using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CloudConfig.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.InMemory;

/// <summary>
/// The embedded config cache: everything in this process's memory, thread-safe and exact under contention.
/// Entries are immutable and replaced by compare-and-swap, so reads never wait for writers.
/// </summary>
/// <remarks>The operations complete synchronously; they return tasks to fit <see cref="IConfigCache"/>.</remarks>
public sealed partial class InMemoryConfigCache : IConfigCache
{
    // How many stale entries a sweep takes from a shard at a time: contacts to that shard wait at most that long.
    private const int SweepBatch = 1024;

    private readonly ConcurrentDictionary<Guid, StoredEntry> _entries = new();
    private readonly ConcurrentDictionary<string, DynamicPool> _pools = new(StringComparer.Ordinal);
    private readonly Lock _sweepLock = new();
    private readonly ContactLog _contacts;
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
        _contacts = new ContactLog(_time);
    }

    /// <summary>The number of entries held.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>How many nodes the stale index holds (one per entry, however many contacts); for tests.</summary>
    internal int ContactLogLength => _contacts.Count;

    /// <inheritdoc cref="IConfigRegistry.PreRegisterAsync" />
    private Task<ConfigEntry> PreRegisterCoreAsync(ConfigRegistration registration, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ConfigInputValidator.ValidateRegistration(registration, _limits);
        var pool = registration.DynamicPool is { } poolName ? GetOrCreatePool(poolName, registration.CredentialHash) : null;
        ReserveSlot();
        var added = _contacts.Record(registration.Uuid, (Entries: _entries, Registration: registration), static (state, now) =>
        {
            var (entries, reg) = state;
            var entry = new ConfigEntry
            {
                Uuid = reg.Uuid,
                Configuration = reg.Configuration,
                Domain = reg.Domain,
                // Copied so the caller cannot change the stored list afterwards; an empty one needs no copy.
                ConfigHosts = reg.ConfigHosts.Count == 0 ? [] : [.. reg.ConfigHosts],
                DynamicPool = reg.DynamicPool,
                CreatedAt = now,
            };
            var stored = new StoredEntry(entry, reg.CredentialHash, null, new ContactNode(reg.Uuid));
            return entries.TryAdd(reg.Uuid, stored) ? (stored.Contact, entry) : (null, null);
        });

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
        return Task.FromResult(_entries.TryGetValue(uuid, out var stored) ? stored.Entry : null);
    }

    /// <inheritdoc cref="IConfigRegistry.UpdateConfigurationAsync" />
    private Task<ConfigEntry> UpdateConfigurationCoreAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ConfigInputValidator.ValidateUuid(uuid);
        ConfigInputValidator.ValidateConfiguration(configuration, _limits);
        while (true)
        {
            if (!_entries.TryGetValue(uuid, out var stored))
            {
                throw new ConfigEntryNotFoundException();
            }

            var updated = stored.With(stored.Entry with { Configuration = configuration, Generation = stored.Entry.Generation + 1 });
            if (_entries.TryUpdate(uuid, updated, stored))
            {
                Log.ConfigurationUpdated(_logger, uuid, updated.Entry.Generation);
                SignalChange(uuid);
                return Task.FromResult(updated.Entry);
            }
        }
    }

    /// <inheritdoc cref="IConfigRegistry.RemoveAsync" />
    private Task<bool> RemoveCoreAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var removed = _entries.TryRemove(uuid, out var stored);
        if (removed)
        {
            OnRemoved(stored!);
            Log.Removed(_logger, uuid);
        }

        return Task.FromResult(removed);
    }

    /// <inheritdoc cref="IConfigRegistry.RemoveStaleAsync" />
    private Task<int> RemoveStaleCoreAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ConfigInputValidator.ValidateStaleTimeout(timeout);
        var cutoff = _time.GetUtcNow() - timeout;
        var removed = 0;
        var stale = new List<Guid>(SweepBatch);
        // One sweeper at a time; contacts wait only for the shard being swept, one batch at a time.
        lock (_sweepLock)
        {
            for (var shard = 0; shard < ContactLog.Shards; shard++)
            {
                do
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    stale.Clear();
                    _contacts.TakeOlderThan(shard, cutoff, stale, SweepBatch);
                    foreach (var uuid in stale)
                    {
                        if (TryRemoveIfStale(uuid, cutoff))
                        {
                            removed++;
                        }
                    }
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
        foreach (var (_, stored) in _entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (query is null || query.Matches(stored.Entry))
            {
                yield return stored.Entry;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private bool TryRemoveIfStale(Guid uuid, DateTimeOffset cutoff)
    {
        // Loops because an app-side update may swap the entry between the read and the removal without
        // touching its contact time; a contact, on the other hand, makes it fresh and ends the loop.
        while (_entries.TryGetValue(uuid, out var stored) && stored.Entry.LastSeenAt < cutoff)
        {
            if (_entries.TryRemove(new KeyValuePair<Guid, StoredEntry>(uuid, stored)))
            {
                OnRemoved(stored);
                return true;
            }
        }

        return false;
    }

    private void OnRemoved(StoredEntry removed)
    {
        Interlocked.Decrement(ref _count);
        _contacts.Forget(removed.Contact);
        var entry = removed.Entry;
        if (entry.DynamicPool is { } poolName && removed.TrustKeyHash is { } trustKeyHash && _pools.TryGetValue(poolName, out var pool))
        {
            pool.Claims.TryRemove(new KeyValuePair<SecretHash, Guid>(trustKeyHash, entry.Uuid));
        }

        SignalChange(entry.Uuid);
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
}
