using System.Collections.Concurrent;
using CloudConfig.Core;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// Keeps a mirrored bucket's older revisions until the mirror has the newer one, then drops them.
/// </summary>
/// <remarks>
/// A nats-server 2.9 mirror stores each message only if its compare-and-swap header (the revision it replaced)
/// matches the mirror's own last revision of that key. Had the origin discarded a revision the mirror had not copied
/// yet (during an outage, say), the next revision of that key would be refused and the mirror would stop for good.
/// So a bucket written here and mirrored elsewhere keeps every revision, and this compactor drops the revisions of a
/// key older than one this process wrote only once the mirror's last sequence (read across the link) has reached it;
/// whatever was written after that stays until its turn.
/// It knows the keys this process wrote; while the link is down nothing is dropped.
/// </remarks>
internal sealed partial class HistoryCompactor(KvBucket bucket, string mirroredBy, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, ulong> _written = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private Task? _loop;

    /// <summary>How many keys wait for the mirror; for tests.</summary>
    internal int Pending => _written.Count;

    /// <summary>Notes that this process wrote <paramref name="key"/> at <paramref name="revision"/>.</summary>
    public void Written(string key, ulong revision)
    {
        _written.AddOrUpdate(key, revision, (_, known) => Math.Max(known, revision));
        lock (_lock)
        {
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
        }
    }

    /// <summary>Drops the older revisions of every written key the mirror has caught up with; returns how many keys.</summary>
    public async Task<int> CompactAsync(CancellationToken cancellationToken)
    {
        if (_written.IsEmpty)
        {
            return 0;
        }

        var mirrored = await bucket.GetMirrorProgressAsync(mirroredBy, cancellationToken).ConfigureAwait(false);
        if (mirrored is not { } reached)
        {
            return 0;
        }

        var compacted = 0;
        foreach (var (key, revision) in _written)
        {
            if (revision <= reached)
            {
                await bucket.DropRevisionsBeforeAsync(key, revision, cancellationToken).ConfigureAwait(false);
                // Removed only if not written again meanwhile.
                _written.TryRemove(new KeyValuePair<string, ulong>(key, revision));
                compacted++;
            }
        }

        return compacted;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Task? loop;
        lock (_lock)
        {
            loop = _loop;
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stop).ConfigureAwait(false);
                await CompactAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ConfigCacheUnavailableException e)
            {
                LogCompactionFailed(logger, bucket.Name, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(120, LogLevel.Debug, "Could not compact the history of bucket {Bucket} ({Reason}); trying again later")]
    private static partial void LogCompactionFailed(ILogger logger, string bucket, string reason);
}
