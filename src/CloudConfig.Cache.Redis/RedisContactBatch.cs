using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

/// <summary>
/// Trusted fetches' contacts, written to Redis in batches without waiting: one <c>ZADD XX GT</c> of the stale index
/// per batch instead of a command per fetch, which would cost as much as the fetch's own read. A contact waits at
/// most <see cref="FlushDelay"/> of real time (not the cache's clock, which tests may stop: this is about CPU, not
/// about the times recorded, which each contact carries from the cache's clock).
/// </summary>
/// <remarks>
/// <para>
/// The index score is where a trusted fetch's contact time lives (to the microsecond); an entry's own
/// last-contact field holds the time of its last claim or report, and an entry is read with the later of the two
/// (see <see cref="EntryCodec.ToEntry"/>). A contact is one native command's member for Redis, where writing the
/// entry's field too took a script, about eight times a GET's work per contact. <c>XX</c> recreates nothing for an
/// entry removed meanwhile (a uuid removed and registered again within that moment would see its new entry marked
/// contacted: its freshness, never a rule); <c>GT</c> never moves a later contact back.
/// </para>
/// <para>
/// Every other call of the cache sends the pending batch first, on the same connection, so this process never reads
/// an entry's contact time older than a fetch it served. Another process may, for that moment. A batch that is lost
/// (Redis fails as it goes out, or the process stops) only makes its entries look as old as their previous contact:
/// nothing is consumed here, and the rules that are (claims, boot secrets) are checked by scripts elsewhere.
/// </para>
/// </remarks>
internal sealed partial class RedisContactBatch : IDisposable
{
    /// <summary>
    /// How long a contact may wait for others to share its batch. Waking a thread for each small batch cost more CPU
    /// than the batch saved (the profile showed the thread pool's wake-ups and spinning above the fetch itself).
    /// </summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(2);

    private const int MaxContacts = 256;

    /// <summary>The most entries whose last recorded contact is remembered (24 bytes each); at this it starts over.</summary>
    private const int MaxRemembered = 100_000;

    private readonly Lock _lock = new();
    private readonly List<(Guid Uuid, long Score)> _pending = [];
    private readonly Dictionary<Guid, long> _recorded = [];
    private readonly long _writeInterval;
    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private bool _flushQueued;

    public RedisContactBatch(RedisConnection connection, RedisKeys keys, TimeSpan writeInterval, ILogger logger)
    {
        _writeInterval = writeInterval.Ticks / TimeSpan.TicksPerMicrosecond;
        _connection = connection;
        _keys = keys;
        _logger = logger;
        _timer = TimeProvider.System.CreateTimer(static batch => ((RedisContactBatch)batch!).Flush(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Records that <paramref name="uuid"/> was contacted at <paramref name="now"/>.</summary>
    public void Add(Guid uuid, DateTimeOffset now)
    {
        var score = EntryCodec.Score(now);
        lock (_lock)
        {
            if (!ShouldRecordLocked(uuid, score))
            {
                return;
            }

            _pending.Add((uuid, score));
            if (_pending.Count >= MaxContacts)
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

    // Each contact is a member of a sorted set Redis must find and move: per fetch, that was about a quarter of the
    // fetch's cost against a plain GET in the profile. An entry fetched again within the interval keeps the contact
    // already recorded, which is at most the interval old. Forgetting (at the bound) only records a contact early.
    private bool ShouldRecordLocked(Guid uuid, long score)
    {
        if (_writeInterval <= 0)
        {
            return true;
        }

        if (_recorded.TryGetValue(uuid, out var recorded) && score >= recorded && score - recorded < _writeInterval)
        {
            return false;
        }

        if (_recorded.Count >= MaxRemembered)
        {
            _recorded.Clear();
        }

        _recorded[uuid] = score;
        return true;
    }

    // Sent under the lock: a call that flushes and finds nothing pending must not overtake a batch still being sent.
    private void SendLocked()
    {
        var count = _pending.Count;
        if (count == 0)
        {
            return;
        }

        // Every member's text in one buffer, each entry a slice of it: one allocation for the batch's members.
        var members = new byte[count * RedisKeys.MemberLength];
        var entries = new SortedSetEntry[count];
        for (var i = 0; i < count; i++)
        {
            var (uuid, score) = _pending[i];
            var member = members.AsMemory(i * RedisKeys.MemberLength, RedisKeys.MemberLength);
            uuid.TryFormat(member.Span, out _, "N");
            entries[i] = new SortedSetEntry(member, score);
        }

        _pending.Clear();
        if (_connection.ConnectedDatabase is not { } db)
        {
            LogContactsLost(_logger, count);
            return;
        }

        try
        {
            // The asynchronous send: it takes its place in the connection's order now, as the synchronous one does,
            // but never waits for the client's write lock, which the synchronous one does while every fetch's Add
            // waits for this lock (the profile showed that convoy costing more CPU than the contacts themselves).
            _ = db.SortedSetAddAsync(_keys.Index, entries, SortedSetWhen.Exists | SortedSetWhen.GreaterThan, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogContactsLost(_logger, count);
        }
    }

    [LoggerMessage(101, LogLevel.Debug, "{Count} contacts were not recorded: the Redis backend is unavailable")]
    private static partial void LogContactsLost(ILogger logger, int count);
}
