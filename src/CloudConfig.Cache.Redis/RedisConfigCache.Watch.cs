using CloudConfig.Core;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

// Long polls across processes: every configuration change and removal is published on the deployment's change
// channel (inside the same script that makes it); this process subscribes once and wakes its local waiters.
public sealed partial class RedisConfigCache
{
    private readonly ConfigChangeSignals _changeSignals = new();
    private readonly Lock _subscribeLock = new();
    private Task? _subscription;

    /// <summary>How many uuids have a wake-up signal now; for tests that waiters leave nothing behind.</summary>
    internal int ChangeSignalCount => _changeSignals.Count;

    /// <inheritdoc cref="IConfigRendezvous.WaitForUpdateAsync" />
    private async Task<InstanceConfiguration?> WaitForUpdateCoreAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trustKey);
        // A negative timeout is refused by the waiter; only a real wait needs the subscription.
        if (timeout > TimeSpan.Zero)
        {
            await EnsureSubscribedAsync(cancellationToken).ConfigureAwait(false);
        }

        var credential = InstanceCredential.Trusted(trustKey);
        return await ConfigUpdateWaiter.WaitAsync(_changeSignals, uuid, knownGeneration, timeout, ct => FetchAsync(uuid, credential, ct), _time, cancellationToken).ConfigureAwait(false);
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
