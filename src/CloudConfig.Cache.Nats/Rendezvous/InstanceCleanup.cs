namespace CloudConfig.Cache.Nats;

/// <summary>
/// Removes what instances left behind for an entry that is gone: its instance record and, for a dynamic entry, the
/// trust key's claim on it. Only the site that writes the instances bucket does this; elsewhere the leftovers are
/// simply never joined (see <see cref="EntryView.Belongs"/>).
/// </summary>
internal static class InstanceCleanup
{
    /// <summary>
    /// Removes the instance record of <paramref name="uuid"/> unless it belongs to <paramref name="keepIncarnation"/>
    /// (the registration there is now). A record changed meanwhile (a contact) is left for the next attempt.
    /// </summary>
    /// <returns>Whether a record was removed.</returns>
    public static async Task<bool> RemoveAsync(SiteBuckets buckets, Guid uuid, Guid? keepIncarnation, CancellationToken cancellationToken)
    {
        var key = Keys.Entry(uuid);
        var read = await buckets.Instances.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (!read.Exists)
        {
            return false;
        }

        var record = InstanceRecord.Decode(read.Value!);
        if (record.Incarnation == keepIncarnation || !await buckets.Instances.TryRemoveAsync(key, read.Revision, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (record.PoolToken is { } poolToken)
        {
            var claimKey = Keys.Claim(poolToken, record.TrustKeyHash);
            var claim = await buckets.Instances.GetAsync(claimKey, cancellationToken).ConfigureAwait(false);
            if (claim.Exists && ClaimRecord.Decode(claim.Value!).Uuid == uuid)
            {
                await buckets.Instances.TryRemoveAsync(claimKey, claim.Revision, cancellationToken).ConfigureAwait(false);
            }
        }

        return true;
    }
}
