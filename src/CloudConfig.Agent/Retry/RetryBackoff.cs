namespace CloudConfig.Agent;

/// <summary>
/// Exponential backoff with jitter, capped: the delay before retry round <c>n</c> (1-based) is
/// <c>min(initial * 2^(n-1), max)</c>, shortened by up to <c>jitter</c> of itself. Shortening (never lengthening)
/// keeps the cap a real upper bound while still spreading a boot storm of agents apart.
/// </summary>
internal sealed class RetryBackoff(TimeSpan initial, TimeSpan max, double jitterFraction, IRetryJitter jitter)
{
    public TimeSpan DelayForRound(int round)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(round, 1);
        var exponent = Math.Min(round - 1, 30);
        var ticks = Math.Min(initial.Ticks * Math.Pow(2, exponent), max.Ticks);
        var jittered = ticks * (1 - (jitterFraction * jitter.Next()));
        return TimeSpan.FromTicks((long)jittered);
    }
}
