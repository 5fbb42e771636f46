using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous;

/// <summary>
/// Budgets of failed attempts per source address and per entry (uuid or pool). Only failures spend the budget;
/// successful calls never do, so a boot storm of legitimate agents is never throttled. Once a budget is spent,
/// every request of that address or entry is refused (right or wrong) until the window refills it, so an attacker
/// cannot keep guessing behind the 429s.
/// </summary>
internal sealed class FailureThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byEntry;
    private readonly TimeSpan _window;
    private readonly int _perAddress;
    private readonly int _perEntry;

    public FailureThrottle(IOptions<RendezvousOptions> options)
    {
        var value = options.Value;
        (_window, _perAddress, _perEntry) = (value.FailureWindow, value.FailuresPerAddress, value.FailuresPerEntry);
        _byAddress = Create(value.FailuresPerAddress, value.FailureWindow);
        _byEntry = Create(value.FailuresPerEntry, value.FailureWindow);
    }

    /// <summary>Whether the address or the entry has no failures left, and when to come back.</summary>
    public bool IsBlocked(string address, string? entry, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        return IsEmpty(_byAddress, address, _perAddress, ref retryAfter) | (entry is not null && IsEmpty(_byEntry, entry, _perEntry, ref retryAfter));
    }

    /// <summary>Spends one failure of the address's budget and of the entry's.</summary>
    public void RecordFailure(string address, string? entry)
    {
        _byAddress.AttemptAcquire(address).Dispose();
        if (entry is not null)
        {
            _byEntry.AttemptAcquire(entry).Dispose();
        }
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byEntry.Dispose();
    }

    private bool IsEmpty(PartitionedRateLimiter<string> limiter, string key, int perWindow, ref TimeSpan retryAfter)
    {
        // The buckets refill continuously (a fraction of a failure at a time), so "empty" means less than one whole
        // failure left; the statistics round that down where a zero-permit probe would not.
        if (limiter.GetStatistics(key) is not { CurrentAvailablePermits: < 1 })
        {
            return false;
        }

        var oneFailure = _window / perWindow;
        if (oneFailure > retryAfter)
        {
            retryAfter = oneFailure;
        }

        return true;
    }

    // Token buckets that the partitioned limiter's own heartbeat refills (continuously, at failures per window), so
    // idle partitions cost no timer each.
    private static PartitionedRateLimiter<string> Create(int failures, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = failures,
            TokensPerPeriod = failures,
            ReplenishmentPeriod = window,
            AutoReplenishment = false,
            QueueLimit = 0,
        }));
}
