using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using CloudConfig.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

/// <summary>
/// A config cache on Redis, for when one process is not enough: several rendezvous processes can share it, and
/// with a durable Redis nothing is lost when they restart. Every rule runs as one Lua script inside Redis
/// (see <see cref="RedisScripts"/>), so it holds across processes exactly as the in-memory cache holds across threads.
/// </summary>
/// <remarks>
/// Connects lazily and tolerates Redis being down: while it is, every call fails within
/// <see cref="RedisConfigCacheOptions.OperationTimeout"/> with <see cref="ConfigCacheUnavailableException"/>, and
/// works again once Redis is back. "Now" comes from the injected <see cref="TimeProvider"/>, so processes sharing
/// one Redis should have synchronised clocks.
/// </remarks>
public sealed partial class RedisConfigCache : IConfigCache, IAsyncDisposable, IDisposable
{
    private const int ListPageSize = 256;

    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;
    private readonly ConfigCacheLimits _limits;
    private readonly int _sweepBatchSize;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RedisContactBatch _contacts;
    private readonly CacheTelemetry _telemetry;

    /// <summary>Creates a cache; it connects on first use.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <param name="meterFactory">Where the cache's meter (<see cref="MeterName"/>) comes from; a meter of its own when null.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public RedisConfigCache(IOptions<RedisConfigCacheOptions> options, TimeProvider? timeProvider = null, ILogger<RedisConfigCache>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var validation = new RedisConfigCacheOptionsValidator().Validate(Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RedisConfigCacheOptions), validation.Failures);
        }

        _logger = logger ?? NullLogger<RedisConfigCache>.Instance;
        _connection = new RedisConnection(value, _logger);
        _keys = new RedisKeys(value.KeyPrefix);
        _limits = value.Limits;
        _sweepBatchSize = value.StaleSweepBatchSize;
        _time = timeProvider ?? TimeProvider.System;
        _contacts = new RedisContactBatch(_connection, _keys, value.ContactWriteInterval, _logger);
        _telemetry = RedisTelemetry.Create(value, meterFactory);
    }

    /// <summary>The connection, shared with the failure budget on the same Redis.</summary>
    internal RedisConnection Connection => _connection;

    /// <summary>The key layout, shared with the failure budget.</summary>
    internal RedisKeys Keys => _keys;

    /// <inheritdoc cref="IConfigRegistry.PreRegisterAsync" />
    private async Task<ConfigEntry> PreRegisterCoreAsync(ConfigRegistration registration, CancellationToken cancellationToken = default)
    {
        ConfigInputValidator.ValidateRegistration(registration, _limits);
        var now = _time.GetUtcNow();
        var pool = registration.DynamicPool;
        var uuid = registration.Uuid;
        RedisKey[] keys = [_keys.Entry(uuid), _keys.Configuration(uuid), _keys.Index, _keys.Pools, pool is null ? _keys.Pools : _keys.Pool(pool)];
        RedisValue[] args =
        [
            RedisKeys.Member(uuid), _limits.MaxEntries, EntryCodec.Score(now), pool ?? "", registration.CredentialHash.ToString(),
            registration.Configuration.Bytes, .. EntryCodec.NewEntryFields(registration, now),
        ];
        var outcome = (string?)await EvaluateAsync(RedisScripts.PreRegister, keys, args, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case "ok":
                Log.Registered(_logger, registration.Uuid, pool);
                return new ConfigEntry
                {
                    Uuid = registration.Uuid,
                    Configuration = registration.Configuration,
                    Domain = registration.Domain,
                    ConfigHosts = [.. registration.ConfigHosts],
                    DynamicPool = pool,
                    CreatedAt = new DateTimeOffset(now.UtcTicks, TimeSpan.Zero),
                };
            case "exists":
                throw new ConfigEntryAlreadyExistsException(registration.Uuid);
            case "pool-credential":
                throw new InvalidConfigInputException("credentialHash", "does not match the credential the dynamic pool was created with.");
            case "full":
                throw new ConfigCacheFullException(_limits.MaxEntries);
            default:
                throw UnexpectedReply("pre_register");
        }
    }

    /// <inheritdoc cref="IConfigRegistry.GetAsync" />
    private async Task<ConfigEntry?> GetCoreAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        var view = await EvaluateAsync(RedisScripts.Get, [_keys.Entry(uuid), _keys.Index], [RedisKeys.Member(uuid)], cancellationToken).ConfigureAwait(false);
        return EntryCodec.ToEntry(uuid, (RedisValue[]?)view);
    }

    /// <inheritdoc cref="IConfigRegistry.UpdateConfigurationAsync" />
    private async Task<ConfigEntry> UpdateConfigurationCoreAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default)
    {
        ConfigInputValidator.ValidateUuid(uuid);
        ConfigInputValidator.ValidateConfiguration(configuration, _limits);
        RedisValue[] args = [configuration.Bytes, configuration.ContentType, _keys.Changes.ToString(), RedisKeys.Member(uuid)];
        var result = await EvaluateAsync(RedisScripts.UpdateConfiguration, [_keys.Entry(uuid), _keys.Index], args, cancellationToken).ConfigureAwait(false);
        var entry = EntryCodec.ToEntry(uuid, (RedisValue[]?)result);
        if (entry is null)
        {
            throw new ConfigEntryNotFoundException();
        }

        Log.ConfigurationUpdated(_logger, uuid, entry.Generation);
        return entry;
    }

    /// <inheritdoc cref="IConfigRegistry.RemoveAsync" />
    private async Task<bool> RemoveCoreAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        RedisValue[] args = [RedisKeys.Member(uuid), _keys.Changes.ToString()];
        var removed = (long)await EvaluateAsync(RedisScripts.Remove, [_keys.Entry(uuid), _keys.Index, _keys.Claims], args, cancellationToken).ConfigureAwait(false) == 1;
        if (removed)
        {
            Log.Removed(_logger, uuid);
        }

        return removed;
    }

    /// <inheritdoc cref="IConfigRegistry.RemoveStaleAsync" />
    private async Task<int> RemoveStaleCoreAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ConfigInputValidator.ValidateStaleTimeout(timeout);
        var cutoff = EntryCodec.Score(_time.GetUtcNow() - timeout);
        RedisValue[] args = [cutoff, _sweepBatchSize, _keys.EntryKeyStart, _keys.Changes.ToString()];
        var removed = 0;
        // Each batch is atomic (an entry contacted meanwhile has a newer score and is not selected); batches keep
        // Redis responsive while a large sweep runs.
        while (true)
        {
            var batch = (long[])(await EvaluateAsync(RedisScripts.RemoveStaleBatch, [_keys.Index, _keys.Claims], args, cancellationToken).ConfigureAwait(false))!;
            removed += (int)batch[0];
            if (batch[1] < _sweepBatchSize)
            {
                break;
            }
        }

        if (removed > 0)
        {
            Log.StaleRemoved(_logger, removed, timeout);
        }

        return removed;
    }

    /// <inheritdoc cref="IConfigRegistry.ListAsync" />
    private async IAsyncEnumerable<ConfigEntry> ListCoreAsync(ConfigEntryQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ulong cursor = 0;
        do
        {
            var (next, entries) = await ReadPageAsync(cursor, seen, cancellationToken).ConfigureAwait(false);
            cursor = next;
            foreach (var entry in entries)
            {
                if (query is null || query.Matches(entry))
                {
                    yield return entry;
                }
            }
        }
        while (cursor != 0);
    }

    /// <summary>Sends the contacts not yet recorded, then closes the connection if the cache opened it.</summary>
    public ValueTask DisposeAsync()
    {
        _contacts.Dispose();
        return _connection.DisposeAsync();
    }

    /// <summary>Sends the contacts not yet recorded, then closes the connection if the cache opened it (for containers disposed synchronously).</summary>
    public void Dispose()
    {
        _contacts.Dispose();
        _connection.Dispose();
    }

    private async Task<(ulong Cursor, List<ConfigEntry> Entries)> ReadPageAsync(ulong cursor, HashSet<string> seen, CancellationToken cancellationToken)
    {
        _contacts.Flush();
        var page = await _connection.RunAsync(db => db.ExecuteAsync("ZSCAN", _keys.Index, cursor, "COUNT", ListPageSize), cancellationToken).ConfigureAwait(false);
        var parts = (RedisResult[])page!;
        var members = ((RedisValue[])parts[1]!)
            .Where((_, i) => i % 2 == 0)
            .Select(m => (string)m!)
            .Where(seen.Add)
            .Select(m => Guid.ParseExact(m, "N"))
            .ToList();
        // One atomic read per entry, all pipelined on the connection.
        var views = await _connection.RunAsync(
            db => Task.WhenAll(members.Select(uuid => db.ScriptEvaluateAsync(RedisScripts.Get, [_keys.Entry(uuid), _keys.Index], [RedisKeys.Member(uuid)]))),
            cancellationToken).ConfigureAwait(false);
        var entries = new List<ConfigEntry>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            // Removed between the scan and the read: skipped.
            if (EntryCodec.ToEntry(members[i], (RedisValue[]?)views[i]) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return ((ulong)parts[0], entries);
    }

    // Pending contacts go first, so what this call reads or writes comes after every fetch already served.
    private Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] args, CancellationToken cancellationToken)
    {
        _contacts.Flush();
        return _connection.RunAsync(db => db.ScriptEvaluateAsync(script, keys, args), cancellationToken);
    }

    private static ConfigCacheException UnexpectedReply(string operation) =>
        new($"The Redis backend gave an unexpected reply to {operation}.");
}
