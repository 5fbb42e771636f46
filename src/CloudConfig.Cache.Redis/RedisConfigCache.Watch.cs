using CloudConfig.Core;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

// Long polls across processes: every configuration change and removal is published on the deployment's change
// channel (inside the same script that makes it); this process subscribes once and wakes its local waiters.
public sealed partial class RedisConfigCache
{
    private readonly ChangeSignals _changeSignals = new();
    private readonly Lock _subscribeLock = new();
    private Task? _subscription;

    /// <summary>How many uuids have a wake-up signal now; for tests that waiters leave nothing behind.</summary>
    internal int ChangeSignalCount => _changeSignals.Count;

    /// <inheritdoc />
    /// <remarks>
    /// Pub/sub delivers at most once: a notification published while this process was disconnected is lost. So
    /// when the connection is restored every waiter re-checks its entry instead of trusting it missed nothing.
    /// </remarks>
    public async Task<InstanceConfiguration?> WaitForUpdateAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trustKey);
        if (timeout < TimeSpan.Zero)
        {
            throw new InvalidConfigInputException("timeout", "must not be negative.");
        }

        var deadline = _time.GetUtcNow() + timeout;
        if (timeout > TimeSpan.Zero)
        {
            await EnsureSubscribedAsync(cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            // Taken (and subscribed) before the fetch, so a change landing between the fetch and the wait still wakes
            // us; released however this round ends (answer, timeout, refusal, cancellation).
            using var watch = _changeSignals.Start(uuid);
            var current = await FetchAsync(uuid, InstanceCredential.Trusted(trustKey), cancellationToken).ConfigureAwait(false);
            if (current.Generation > knownGeneration)
            {
                return current;
            }

            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                await watch.Changed.WaitAsync(remaining, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }
    }

    private Task EnsureSubscribedAsync(CancellationToken cancellationToken)
    {
        lock (_subscribeLock)
        {
            if (_subscription is null || _subscription.IsFaulted || _subscription.IsCanceled)
            {
                _subscription = _connection.SubscribeAsync(_keys.Changes, OnChange, WakeAllWaiters, CancellationToken.None);
            }

            return _subscription.WaitAsync(cancellationToken);
        }
    }

    private void OnChange(RedisChannel channel, RedisValue message)
    {
        if (Guid.TryParseExact((string?)message, "N", out var uuid))
        {
            _changeSignals.Signal(uuid);
        }
    }

    /// <summary>Wakes every waiter to re-check its entry; called when notifications may have been lost.</summary>
    internal void WakeAllWaiters() => _changeSignals.SignalAll();
}
