using System.Diagnostics;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// Whether a cloud site's mirrors of the on-premises registrations are current: heard from within
/// <see cref="NatsStoreOptions.MirrorStaleAfter"/>, no error, nothing pending. A refusal ("no such entry") is only
/// final when they are; otherwise the entry may simply not have arrived yet, and the caller is told to try again.
/// A site that writes its registrations itself is always current. Whether the mirrors are linked is cached for a
/// moment, so a burst of refusals costs one look at it; whether a record is still on its way is checked every time.
/// </summary>
internal sealed class MirrorFreshness(TimeSpan staleAfter)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(500);
    private readonly Lock _lock = new();
    private bool _current;
    private long _checkedAt = long.MinValue;

    /// <summary>
    /// Makes sure a refusal is final: the mirrors are linked, everything their origins held by now has arrived, and
    /// the record the refusal was based on did not change meanwhile (<paramref name="changedMeanwhile"/>, read last).
    /// </summary>
    /// <exception cref="ConfigCacheUnavailableException">It is not final: the caller should try again.</exception>
    public async Task EnsureCurrentAsync(SiteBuckets buckets, Func<CancellationToken, Task<bool>> changedMeanwhile, CancellationToken cancellationToken)
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

        // Linked with no lag is not enough: a mirror learns its lag only as records arrive, so one published at the
        // origin a moment ago (a registration, then at once its instance's first contact) may still be on its way.
        await EnsureArrivedAsync(buckets.Entries, cancellationToken).ConfigureAwait(false);
        await EnsureArrivedAsync(buckets.Pools, cancellationToken).ConfigureAwait(false);
        if (await changedMeanwhile(cancellationToken).ConfigureAwait(false))
        {
            throw new ConfigCacheUnavailableException("The entry arrived while this answer was being made; try again.");
        }
    }

    /// <summary>Everything the origin of <paramref name="mirror"/> holds now is here too.</summary>
    private static async Task EnsureArrivedAsync(KvBucket mirror, CancellationToken cancellationToken)
    {
        var origin = await mirror.GetOriginProgressAsync(cancellationToken).ConfigureAwait(false);
        if (origin is null || (await mirror.GetStateAsync(cancellationToken).ConfigureAwait(false)).LastSequence < origin)
        {
            throw new ConfigCacheUnavailableException("This cloud site has not received everything its on-premises site registered yet.");
        }
    }

    /// <summary>Whether the bucket is written here, or is a mirror that is linked and has nothing pending.</summary>
    public bool IsCurrent(BucketState state) => state.Mirror is not { } mirror || (IsLinked(mirror) && mirror.Lag == 0);

    /// <summary>Whether a mirror heard from its origin recently and reports no error.</summary>
    public bool IsLinked(MirrorState mirror) => mirror.Error is null && mirror.SinceActive is { } since && since < staleAfter;
}
