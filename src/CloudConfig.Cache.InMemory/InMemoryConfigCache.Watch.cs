using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory;

// Long polls: a waiter watches a per-entry signal that the next configuration change or removal completes.
public sealed partial class InMemoryConfigCache
{
    private readonly ConfigChangeSignals _changeSignals = new();

    /// <summary>How many uuids have a wake-up signal now; for tests that waiters leave nothing behind.</summary>
    internal int ChangeSignalCount => _changeSignals.Count;

    /// <inheritdoc cref="IConfigRendezvous.WaitForUpdateAsync" />
    private Task<InstanceConfiguration?> WaitForUpdateCoreAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trustKey);
        var credential = InstanceCredential.Trusted(trustKey);
        return ConfigUpdateWaiter.WaitAsync(_changeSignals, uuid, knownGeneration, timeout, ct => FetchAsync(uuid, credential, ct), _time, cancellationToken);
    }

    private void SignalChange(Guid uuid) => _changeSignals.Signal(uuid);
}
