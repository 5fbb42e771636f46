using CloudConfig.Core;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous;

/// <summary>
/// The failure budgets, kept in the registered <see cref="IFailureBudget"/> (shared by every server on one Redis).
/// Only failures spend a budget; accepted credentials never do, so a boot storm is never throttled.
/// </summary>
/// <remarks>
/// <para>
/// Per source address the budget is strict, even under concurrency: a request goes on to its credential check only
/// while the address's failures plus its requests still awaiting a verdict (on any server) stay under the budget.
/// When every slot left is held by requests awaiting their verdict, the next waits (a few seconds at most) for one
/// to end; when the failures alone fill the budget, every request of the address gets 429, right credential or
/// wrong, until the window closes. So 64 concurrent guesses against a budget of 20 get 20 verdicts, not 64.
/// </para>
/// <para>
/// Per entry (uuid or pool) the budget never locks the right credential out: the credential is checked first,
/// and only a refused one spends the entry's budget; past it, refusals are answered 429 instead of 404. An
/// attacker who knows a uuid can thus spend the entry's budget but cannot keep its agent out.
/// </para>
/// </remarks>
internal sealed class FailureThrottle(IFailureBudget budget, IOptions<RendezvousOptions> options, TimeProvider time)
{
    // Addresses share wake-up stripes by hash: a few kilobytes in all, however many addresses the server sees.
    private const int StripeCount = 1024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    // Attempts that end on another server wake nobody here: a waiter looks again at least this often.
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    private readonly AdmissionStripe[] _stripes = [.. Enumerable.Range(0, StripeCount).Select(_ => new AdmissionStripe())];
    private readonly TimeSpan _window = options.Value.FailureWindow;
    private readonly int _perAddress = options.Value.FailuresPerAddress;
    private readonly int _perEntry = options.Value.FailuresPerEntry;

    /// <summary>Admits a request of <paramref name="addressKey"/> to its credential check, or says when to come back.</summary>
    /// <exception cref="ConfigCacheUnavailableException">The failure budget's store could not be reached.</exception>
    public async ValueTask<(FailureLease? Lease, TimeSpan RetryAfter)> AdmitAsync(string addressKey, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(addressKey) % StripeCount];
        var started = time.GetTimestamp();
        Task? ended = null;
        while (true)
        {
            var attempt = await budget.TryStartAttemptAsync(addressKey, _perAddress, _window, cancellationToken).ConfigureAwait(false);
            switch (attempt.Outcome)
            {
                case FailureAttemptOutcome.Admitted:
                    return (new FailureLease(budget, attempt, stripe), TimeSpan.Zero);
                case FailureAttemptOutcome.Spent:
                    return (null, attempt.RetryAfter);
            }

            // Busy. The first time, only take the wake-up and ask again: an attempt ending in between is not missed.
            if (ended is null)
            {
                ended = stripe.NextEnd();
                continue;
            }

            var patience = Patience - time.GetElapsedTime(started);
            if (patience <= TimeSpan.Zero)
            {
                return (null, _window / _perAddress);
            }

            await WaitAsync(ended, patience < PollEvery ? patience : PollEvery, cancellationToken).ConfigureAwait(false);
            ended = stripe.NextEnd();
        }
    }

    /// <summary>Counts a refused credential against the address (ending its attempt) and against the entry.</summary>
    /// <returns>When to come back, if the refusal is to be answered 429 (a budget is spent); otherwise null.</returns>
    /// <exception cref="ConfigCacheUnavailableException">The failure budget's store could not be reached.</exception>
    public async ValueTask<TimeSpan?> RecordFailureAsync(FailureLease? lease, string addressKey, string? entryKey, CancellationToken cancellationToken)
    {
        TimeSpan? retryAfter = null;
        if (lease is { HasEnded: false })
        {
            await lease.EndAsync(failed: true).ConfigureAwait(false);
        }
        else
        {
            // Refused after its attempt ended (a long poll whose entry went away meanwhile): counted all the same.
            var address = await budget.CountFailureAsync(addressKey, _window, cancellationToken).ConfigureAwait(false);
            retryAfter = address.Count > _perAddress ? address.ResetsIn : null;
        }

        if (entryKey is not null)
        {
            var entry = await budget.CountFailureAsync(entryKey, _window, cancellationToken).ConfigureAwait(false);
            if (entry.Count > _perEntry && entry.ResetsIn > (retryAfter ?? TimeSpan.Zero))
            {
                retryAfter = entry.ResetsIn;
            }
        }

        return retryAfter;
    }

    private async Task WaitAsync(Task ended, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await ended.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Time to look again.
        }
    }
}
