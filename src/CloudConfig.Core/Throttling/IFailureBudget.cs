namespace CloudConfig.Core;

/// <summary>
/// Failure budgets: for each key (a source address, an entry), how many failed attempts (wrong credentials) its
/// window holds and how many attempts are being checked right now. A window opens at a key's first failure and
/// lasts as long as the caller says. Every process using the same store shares the budgets, so several rendezvous
/// servers on one backend have one budget per key, and a store that outlives a process keeps it across restarts.
/// </summary>
/// <remarks>
/// <para>
/// An attempt is admitted only while the key's failures plus its attempts still being checked stay under the
/// limit, and admitting is atomic, so concurrent attempts can never get more verdicts than the budget allows.
/// Every admitted attempt must be ended (<see cref="EndAttemptAsync"/>), failed or not; only failures spend the
/// budget.
/// </para>
/// <para>
/// Implementations: <see cref="InProcessFailureBudget"/> (one process; the default) and the Redis cache's, which
/// <c>AddRedisConfigCache</c> registers. Keys are chosen by the caller and never hold a credential.
/// </para>
/// </remarks>
public interface IFailureBudget
{
    /// <summary>Admits one attempt for <paramref name="key"/> if its budget of <paramref name="limit"/> allows it.</summary>
    /// <returns>Admitted, busy (every slot left is held by attempts still being checked) or spent (with when its window closes).</returns>
    /// <exception cref="ConfigCacheUnavailableException">The store could not be reached.</exception>
    ValueTask<FailureAttempt> TryStartAttemptAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Ends an admitted attempt; a failed one is counted in its key's window (opened if none is).</summary>
    /// <exception cref="ConfigCacheUnavailableException">The store could not be reached.</exception>
    ValueTask EndAttemptAsync(FailureAttempt attempt, bool failed, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one failure for <paramref name="key"/> without an admission (for budgets that never refuse a check,
    /// only a verdict), opening a window of <paramref name="window"/> if none is open.
    /// </summary>
    /// <returns>The count including this failure, and when its window closes.</returns>
    /// <exception cref="ConfigCacheUnavailableException">The store could not be reached.</exception>
    ValueTask<FailureCount> CountFailureAsync(string key, TimeSpan window, CancellationToken cancellationToken = default);
}
