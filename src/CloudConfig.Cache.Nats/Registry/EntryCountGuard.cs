using System.Diagnostics;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// Enforces <see cref="ConfigCacheLimits.MaxEntries"/> from the entries bucket's key count, which the server
/// reports in one call. Far from the limit the count is refreshed at most once a second and registrations made
/// meanwhile are added to it; near the limit it is read before every registration. The count includes removal
/// markers not yet forgotten, so the limit errs on the safe side; processes registering at the very same moment
/// may overshoot it by as many as are racing.
/// </summary>
internal sealed class EntryCountGuard(long maxEntries)
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(1);
    private const long Headroom = 64;
    private readonly Lock _lock = new();
    private long _known = -1;
    private long _addedSince;
    private long _readAt;

    public async Task EnsureRoomAsync(KvBucket entries, CancellationToken cancellationToken)
    {
        if (NeedsRefresh())
        {
            var state = await entries.GetStateAsync(cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                _known = (long)state.Keys;
                _addedSince = 0;
                _readAt = Stopwatch.GetTimestamp();
            }
        }

        lock (_lock)
        {
            if (_known + _addedSince >= maxEntries)
            {
                throw new ConfigCacheFullException(maxEntries);
            }
        }
    }

    public void Added()
    {
        lock (_lock)
        {
            _addedSince++;
        }
    }

    private bool NeedsRefresh()
    {
        lock (_lock)
        {
            return _known < 0 || Stopwatch.GetElapsedTime(_readAt) > RefreshAfter || _known + _addedSince >= maxEntries - Headroom;
        }
    }
}
