using CloudConfig.Core;

namespace CloudConfig.Rendezvous;

/// <summary>
/// An admitted request's attempt in its address's budget. It ends at the verdict: when the credential is accepted,
/// or when a refusal is counted; the gate ends it (as not failed) if the handler ends first. Ending twice is harmless.
/// </summary>
internal sealed class FailureLease(IFailureBudget budget, FailureAttempt attempt, AdmissionStripe stripe)
{
    private readonly Lock _lock = new();
    private Task? _ended;

    /// <summary>The key the address's failures are counted under.</summary>
    public string AddressKey => attempt.Key;

    /// <summary>Whether the attempt has ended (its verdict is known).</summary>
    public bool HasEnded
    {
        get
        {
            lock (_lock)
            {
                return _ended is not null;
            }
        }
    }

    /// <summary>Ends the attempt; only the first call counts, later ones return its task.</summary>
    public Task EndAsync(bool failed)
    {
        lock (_lock)
        {
            return _ended ??= EndCoreAsync(failed);
        }
    }

    private async Task EndCoreAsync(bool failed)
    {
        try
        {
            // Not cancellable: an attempt left open would hold a slot of the address's budget.
            await budget.EndAttemptAsync(attempt, failed, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            stripe.Ended();
        }
    }
}
