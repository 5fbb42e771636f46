using System.Threading.RateLimiting;

namespace CloudConfig.Rendezvous;

/// <summary>
/// A limiter that spends nothing itself: it admits a request while the address and the entry both have failures
/// left in <see cref="FailureThrottle"/>.
/// </summary>
internal sealed class FailureGate(FailureThrottle throttle, string address, string? entry) : RateLimiter
{
    // Idle at once, so the middleware drops the partition on its next sweep; a new request makes a new gate.
    public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        throttle.IsBlocked(address, entry, out var retryAfter) ? new GateLease(false, retryAfter) : GateLease.Admitted;

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class GateLease(bool isAcquired, TimeSpan retryAfter) : RateLimitLease
    {
        public static readonly GateLease Admitted = new(true, TimeSpan.Zero);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => isAcquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (!isAcquired && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
