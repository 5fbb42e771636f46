using System.Diagnostics;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

// assign_dynamic: the trust key's claim record is reserved first (create only), then a slot is taken from the pool's
// queue, then the claim names the entry and the entry's instance record binds the trust key. A second call with
// the same trust key finds the claim: a finished one is served again, a reservation in progress is waited for.
internal sealed partial class SiteRendezvous
{
    private static readonly TimeSpan ReservationPoll = TimeSpan.FromMilliseconds(20);

    public async Task<InstanceConfiguration> AssignDynamicAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poolCredential);
        ArgumentNullException.ThrowIfNull(trustKey);
        ConfigInputValidator.ValidatePoolName(pool, site.Settings.Limits);
        var buckets = await site.GetBucketsAsync(cancellationToken).ConfigureAwait(false);
        var poolToken = Keys.PoolToken(pool);
        var poolRead = await buckets.Pools.GetAsync(Keys.Pool(poolToken), cancellationToken).ConfigureAwait(false);
        if (!poolRead.Exists || !PoolRecord.Decode(poolRead.Value!).CredentialHash.Matches(poolCredential))
        {
            await _freshness.EnsureCurrentAsync(
                buckets,
                async ct => (await buckets.Pools.GetAsync(Keys.Pool(poolToken), ct).ConfigureAwait(false)).Revision != poolRead.Revision,
                cancellationToken).ConfigureAwait(false);
            Log.PoolRefused(logger, pool);
            throw new ConfigEntryNotFoundException();
        }

        var claim = new ClaimContext(buckets, poolToken, pool, trustKey.Hash());
        var waitingSince = Stopwatch.GetTimestamp();
        while (true)
        {
            var read = await buckets.Instances.GetAsync(claim.Key, cancellationToken).ConfigureAwait(false);
            var existing = read.Exists ? ClaimRecord.Decode(read.Value!) : null;
            if (existing is { IsReserved: false } && await ServeClaimedAsync(claim, existing, cancellationToken).ConfigureAwait(false) is { } again)
            {
                return again;
            }

            if (existing is { IsReserved: true } && time.GetUtcNow() - existing.ReservedAt < site.Settings.ClaimReservationTimeout)
            {
                await WaitForOtherClaimAsync(waitingSince, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // No claim, a claim on a removed entry, or a reservation abandoned by a crashed claimer: reserve anew.
            var reserved = ClaimRecord.Reserved(time.GetUtcNow()).Encode();
            var reservation = read.Exists
                ? await buckets.Instances.TryUpdateAsync(claim.Key, reserved, read.Revision, cancellationToken).ConfigureAwait(false)
                : await buckets.Instances.TryCreateAsync(claim.Key, reserved, cancellationToken).ConfigureAwait(false);
            if (reservation is { } revision && await TakeAndBindAsync(claim, revision, cancellationToken).ConfigureAwait(false) is { } assigned)
            {
                return assigned;
            }
        }
    }

    /// <summary>
    /// Takes the next entry and binds it to the reservation; null when the reservation was taken over meanwhile
    /// (the caller then finds whoever took it over).
    /// </summary>
    private async Task<InstanceConfiguration?> TakeAndBindAsync(ClaimContext claim, ulong reservation, CancellationToken cancellationToken)
    {
        TakenSlot? taken;
        try
        {
            taken = await queue.TakeAsync(claim.Buckets, claim.PoolToken, claim.Pool, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(claim, reservation).ConfigureAwait(false);
            throw;
        }

        if (taken is null)
        {
            await ReleaseAsync(claim, reservation).ConfigureAwait(false);
            throw new NoDynamicEntryAvailableException(claim.Pool);
        }

        var named = new ClaimRecord(taken.Uuid, taken.Registration.Incarnation, time.GetUtcNow()).Encode();
        if (await claim.Buckets.Instances.TryUpdateAsync(claim.Key, named, reservation, cancellationToken).ConfigureAwait(false) is null)
        {
            // Only a claimer that stalled past the reservation timeout gets here: its entry stays unclaimed (never
            // handed out twice), and remove_stale sweeps it.
            Log.ReservationLost(logger, taken.Uuid, claim.Pool);
            return null;
        }

        var served = await BindAsync(claim, taken.Uuid, taken.Registration, cancellationToken).ConfigureAwait(false)
            ?? throw new ConfigCacheException("A dynamic entry was bound to another trust key while being assigned.");
        Log.Assigned(logger, taken.Uuid, claim.Pool);
        return served;
    }

    /// <summary>Serves a finished claim again; null when its entry is gone (removed, or registered anew).</summary>
    private async Task<InstanceConfiguration?> ServeClaimedAsync(ClaimContext claim, ClaimRecord existing, CancellationToken cancellationToken)
    {
        var uuid = existing.Uuid!.Value;
        var read = await claim.Buckets.Entries.GetAsync(Keys.Entry(uuid), cancellationToken).ConfigureAwait(false);
        var registration = read.Exists ? RegistrationRecord.Decode(read.Value!) : null;
        return registration is not null && registration.Incarnation == existing.Incarnation
            ? await BindAsync(claim, uuid, registration, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// Makes sure the entry's instance record is bound to the claiming trust key (creating it on the first call, or
    /// after a claimer died between naming the entry and binding it) and records the contact; null when the record
    /// is bound to another key.
    /// </summary>
    private async Task<InstanceConfiguration?> BindAsync(ClaimContext claim, Guid uuid, RegistrationRecord registration, CancellationToken cancellationToken)
    {
        var key = Keys.Entry(uuid);
        while (true)
        {
            var read = await claim.Buckets.Instances.GetAsync(key, cancellationToken).ConfigureAwait(false);
            var stored = read.Exists ? InstanceRecord.Decode(read.Value!) : null;
            var now = time.GetUtcNow();
            InstanceRecord next;
            if (EntryView.Belongs(registration, stored))
            {
                if (!claim.TrustKeyHash.Equals(stored.TrustKeyHash))
                {
                    return null;
                }

                next = stored.Contacted(now);
            }
            else
            {
                next = InstanceRecord.Claimed(registration.Incarnation, claim.TrustKeyHash, claim.PoolToken, now);
            }

            var written = read.Exists
                ? await claim.Buckets.Instances.TryUpdateAsync(key, next.Encode(), read.Revision, cancellationToken).ConfigureAwait(false)
                : await claim.Buckets.Instances.TryCreateAsync(key, next.Encode(), cancellationToken).ConfigureAwait(false);
            if (written is not null)
            {
                return registration.ToInstanceConfiguration(uuid);
            }
        }
    }

    private async Task WaitForOtherClaimAsync(long waitingSince, CancellationToken cancellationToken)
    {
        // Another call with this trust key is claiming right now (an agent retrying before its first answer came
        // back): its answer is ours too. If it takes too long, the caller retries later.
        if (Stopwatch.GetElapsedTime(waitingSince) > site.Settings.OperationTimeout)
        {
            throw new ConfigCacheUnavailableException("Another claim with this trust key is still in progress.");
        }

        await Task.Delay(ReservationPoll, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReleaseAsync(ClaimContext claim, ulong reservation)
    {
        try
        {
            await claim.Buckets.Instances.TryRemoveAsync(claim.Key, reservation, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConfigCacheUnavailableException)
        {
            // The reservation stays until it times out; a retry then takes it over.
        }
    }

    /// <summary>One assign_dynamic call's pool and trust key, and the key of their claim record.</summary>
    private sealed record ClaimContext(SiteBuckets Buckets, string PoolToken, string Pool, SecretHash TrustKeyHash)
    {
        public string Key { get; } = Keys.Claim(PoolToken, TrustKeyHash);
    }
}
