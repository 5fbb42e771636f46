using CloudConfig.Core;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// One watch on the site's registrations for every long poll of the process: each configuration change or removal
/// (made here, or arriving through the mirror from on premises) wakes the waiters of that uuid. Started on the first
/// long poll. Where this site writes the instances bucket, a removal also removes what the entry's instance left
/// behind, so removed entries leave nothing in either site. If the watch fails it restarts after a pause, and every
/// waiter re-checks its entry once the new watch is in place, since changes in between would otherwise be missed.
/// </summary>
internal sealed partial class ChangeWatcher(NatsSite site, ConfigChangeSignals signals, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan RestartPause = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _ready = NewReady();
    private Task? _loop;

    /// <summary>Starts the watch if needed and returns once it is in place, so no change after this call is missed.</summary>
    public Task EnsureWatchingAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
            return _ready.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var buckets = await site.GetBucketsAsync(stop).ConfigureAwait(false);
                await foreach (var change in buckets.Entries.WatchAsync(Keys.AllEntries, OnWatching, stop).ConfigureAwait(false))
                {
                    await OnChangeAsync(buckets, change, stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogWatchFailed(logger, e.GetType().Name, e);
                lock (_lock)
                {
                    if (_ready.Task.IsCompleted)
                    {
                        _ready = NewReady();
                    }
                }

                try
                {
                    await Task.Delay(RestartPause, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnWatching()
    {
        // Whatever changed while no watch was in place, waiters look for themselves.
        signals.SignalAll();
        lock (_lock)
        {
            _ready.TrySetResult();
        }
    }

    private async Task OnChangeAsync(SiteBuckets buckets, KvItem change, CancellationToken stop)
    {
        if (Keys.UuidOf(change.Key) is not { } uuid)
        {
            return;
        }

        signals.Signal(uuid);
        if (change.WasRemoved && site.Layout.WritesInstances && !site.Layout.WritesRegistrations)
        {
            try
            {
                await InstanceCleanup.RemoveAsync(buckets, uuid, await CurrentIncarnationAsync(buckets, uuid, stop).ConfigureAwait(false), stop).ConfigureAwait(false);
            }
            catch (ConfigCacheUnavailableException)
            {
                // Left for the entry's agent: its next call is refused and removes the record then.
            }
        }
    }

    private static async Task<Guid?> CurrentIncarnationAsync(SiteBuckets buckets, Guid uuid, CancellationToken cancellationToken)
    {
        var read = await buckets.Entries.GetAsync(Keys.Entry(uuid), cancellationToken).ConfigureAwait(false);
        return read.Exists ? RegistrationRecord.Decode(read.Value!).Incarnation : null;
    }

    private static TaskCompletionSource NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(110, LogLevel.Warning, "The watch on the registrations failed ({Reason}); restarting it")]
    private static partial void LogWatchFailed(ILogger logger, string reason, Exception exception);
}
