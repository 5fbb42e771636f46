using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory;

// Long polls: a waiter watches a per-entry signal that the next configuration change or removal completes.
public sealed partial class InMemoryConfigCache
{
    private readonly ChangeSignals _changeSignals = new();

    /// <summary>How many uuids have a wake-up signal now; for tests that waiters leave nothing behind.</summary>
    internal int ChangeSignalCount => _changeSignals.Count;

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
            // Taken before the fetch so that a change landing between the fetch and the wait still wakes us;
            // released however this round ends (answer, timeout, refusal, cancellation).
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

    private void SignalChange(Guid uuid) => _changeSignals.Signal(uuid);
}
