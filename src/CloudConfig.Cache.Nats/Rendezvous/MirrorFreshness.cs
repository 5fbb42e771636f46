using System.Diagnostics;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// Whether a cloud site's mirrors of the on-premises registrations are current: heard from within
/// <see cref="NatsStoreOptions.MirrorStaleAfter"/>, no error, nothing pending. A refusal ("no such entry") is only
/// final when they are; otherwise the entry may simply not have arrived yet, and the caller is told to try again.
/// A site that writes its registrations itself is always current. The answer is cached for a moment, so a burst of
/// refusals costs one look.
/// </summary>
internal sealed class MirrorFreshness(TimeSpan staleAfter)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(500);
    private readonly Lock _lock = new();
    private bool _current;
    private long _checkedAt = long.MinValue;

    /// <exception cref="ConfigCacheUnavailableException">The mirrors are not current.</exception>
    public async Task EnsureCurrentAsync(SiteBuckets buckets, CancellationToken cancellationToken)
    {
        if (!buckets.Entries.IsMirror)
        {
            return;
        }

        bool known;
        lock (_lock)
        {
            known = _checkedAt != long.MinValue && Stopwatch.GetElapsedTime(_checkedAt) < CacheFor;
        }

        if (!known)
        {
            var current = IsCurrent(await buckets.Entries.GetStateAsync(cancellationToken).ConfigureAwait(false))
                && IsCurrent(await buckets.Pools.GetStateAsync(cancellationToken).ConfigureAwait(false));
            lock (_lock)
            {
                _current = current;
                _checkedAt = Stopwatch.GetTimestamp();
            }
        }

        lock (_lock)
        {
            if (!_current)
            {
                throw new ConfigCacheUnavailableException("This cloud site has not heard from its on-premises site recently; the entry may not have arrived yet.");
            }
        }
    }

    /// <summary>Whether the bucket is written here, or is a mirror that is linked and has nothing pending.</summary>
    public bool IsCurrent(BucketState state) => state.Mirror is not { } mirror || (IsLinked(mirror) && mirror.Lag == 0);

    /// <summary>Whether a mirror heard from its origin recently and reports no error.</summary>
    public bool IsLinked(MirrorState mirror) => mirror.Error is null && mirror.SinceActive is { } since && since < staleAfter;
}
