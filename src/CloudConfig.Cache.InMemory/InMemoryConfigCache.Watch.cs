using System.Collections.Concurrent;
using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory;

// Long polls: a waiter parks on a per-entry signal that the next configuration change or removal completes.
public sealed partial class InMemoryConfigCache
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _changeSignals = new();

    /// <inheritdoc />
    public async Task<InstanceConfiguration?> WaitForUpdateAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trustKey);
        if (timeout < TimeSpan.Zero)
        {
            throw new InvalidConfigInputException("timeout", "must not be negative.");
        }

        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            // Taken before the fetch so that a change landing between the fetch and the wait still wakes us.
            var signal = _changeSignals.GetOrAdd(uuid, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
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
                await signal.Task.WaitAsync(remaining, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }
    }

    private void SignalChange(Guid uuid)
    {
        if (_changeSignals.TryRemove(uuid, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
