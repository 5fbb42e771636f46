using System.Collections.Concurrent;

namespace CloudConfig.Cache.InMemory;

/// <summary>
/// The index behind <c>remove_stale</c>: every registration and every contact appends (uuid, time) in time order,
/// so a sweep only reads the events older than its cutoff instead of scanning every entry. An event whose entry
/// has been heard from since is simply dropped when the sweep reaches it: a newer event for it is further back.
/// </summary>
/// <remarks>
/// Callers change an entry's last-contact time only inside <see cref="Record{TState, TResult}"/>, under the same lock that
/// reads the clock and appends, so events are in time order and every entry's last-seen time has its own event.
/// </remarks>
internal sealed class ContactLog(TimeProvider time)
{
    private readonly Lock _appendLock = new();
    private ConcurrentQueue<(Guid Uuid, DateTimeOffset At)> _events = new();

    public int Count => _events.Count;

    /// <summary>
    /// Reads the clock, lets <paramref name="change"/> apply it to the entry, and logs the contact if the change
    /// says it happened. The change runs under the lock: keep it short.
    /// </summary>
    public TResult Record<TState, TResult>(Guid uuid, TState state, Func<TState, DateTimeOffset, (bool Contacted, TResult Result)> change)
    {
        lock (_appendLock)
        {
            var now = time.GetUtcNow();
            var (contacted, result) = change(state, now);
            if (contacted)
            {
                _events.Enqueue((uuid, now));
            }

            return result;
        }
    }

    /// <summary>Takes the oldest event if it is older than <paramref name="cutoff"/>. Only one sweeper may call this at a time.</summary>
    public bool TryTakeOlderThan(DateTimeOffset cutoff, out Guid uuid)
    {
        uuid = default;
        var events = _events;
        if (!events.TryPeek(out var oldest) || oldest.At >= cutoff)
        {
            return false;
        }

        events.TryDequeue(out oldest);
        uuid = oldest.Uuid;
        return true;
    }

    /// <summary>
    /// Replaces the log with one event per live entry, in time order. Needed only when contacts have piled up
    /// events far beyond the number of entries; the caller holds the sweep lock.
    /// </summary>
    public void Compact(Func<IEnumerable<(Guid Uuid, DateTimeOffset At)>> liveEntries)
    {
        lock (_appendLock)
        {
            var ordered = liveEntries().OrderBy(e => e.At);
            _events = new ConcurrentQueue<(Guid Uuid, DateTimeOffset At)>(ordered);
        }
    }
}
