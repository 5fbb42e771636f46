using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

/// <summary>
/// Trusted fetches' contacts, written to Redis in batches without waiting: one script per batch instead of a
/// command per fetch, which would cost as much as the fetch's own read. A contact waits at most
/// <see cref="FlushDelay"/> of real time (not the cache's clock, which tests may stop: this is about CPU, not
/// about the times recorded, which each contact carries from the cache's clock).
/// </summary>
/// <remarks>
/// Every other call of the cache sends the pending batch first, on the same connection, so this process never reads
/// an entry's contact time older than a fetch it served. Another process may, for that moment. A batch that is lost
/// (Redis fails as it goes out, or the process stops) only makes its entries look as old as their previous contact:
/// nothing is consumed here, and the rules that are (claims, boot secrets) are checked by scripts elsewhere.
/// </remarks>
internal sealed partial class RedisContactBatch : IDisposable
{
    /// <summary>
    /// How long a contact may wait for others to share its batch. Waking a thread for each small batch cost more CPU
    /// than the batch saved (the profile showed the thread pool's wake-ups and spinning above the fetch itself).
    /// </summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(2);

    private const int MaxContacts = 256;

    private readonly Lock _lock = new();
    private readonly List<RedisValue> _pending = [];
    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private bool _flushQueued;

    public RedisContactBatch(RedisConnection connection, RedisKeys keys, ILogger logger)
    {
        _connection = connection;
        _keys = keys;
        _logger = logger;
        _timer = TimeProvider.System.CreateTimer(static batch => ((RedisContactBatch)batch!).Flush(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Records that <paramref name="uuid"/> was contacted at <paramref name="now"/>.</summary>
    public void Add(Guid uuid, DateTimeOffset now)
    {
        lock (_lock)
        {
            _pending.Add(RedisKeys.Member(uuid));
            _pending.Add(EntryCodec.Ticks(now));
            _pending.Add(EntryCodec.Score(now));
            if (_pending.Count >= 3 * MaxContacts)
            {
                SendLocked();
            }
            else if (!_flushQueued)
            {
                _flushQueued = true;
                _timer.Change(FlushDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Sends the pending contacts now, ahead of whatever this process sends next.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            _flushQueued = false;
            SendLocked();
        }
    }

    /// <summary>Sends what is pending and stops the timer.</summary>
    public void Dispose()
    {
        Flush();
        _timer.Dispose();
    }

    // Sent under the lock: a call that flushes and finds nothing pending must not overtake a batch still being sent.
    private void SendLocked()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        RedisValue[] args = [_keys.EntryKeyStart, .. _pending];
        _pending.Clear();
        if (_connection.ConnectedDatabase is not { } db)
        {
            LogContactsLost(_logger, args.Length / 3);
            return;
        }

        try
        {
            db.ScriptEvaluate(RedisScripts.TouchBatch, [_keys.Index], args, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogContactsLost(_logger, args.Length / 3);
        }
    }

    [LoggerMessage(101, LogLevel.Debug, "{Count} contacts were not recorded: the Redis backend is unavailable")]
    private static partial void LogContactsLost(ILogger logger, int count);
}
