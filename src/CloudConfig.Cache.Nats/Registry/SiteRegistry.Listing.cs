using System.Runtime.CompilerServices;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

// Listing and remove_stale: one pass over the registrations in stream order, each batch joined with its instance
// records read concurrently, so memory stays bounded however many entries there are.
internal sealed partial class SiteRegistry
{
    private const int BatchSize = 128;
    private const int StaleRechecks = 3;

    public async IAsyncEnumerable<ConfigEntry> ListAsync(ConfigEntryQuery? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buckets = await site.GetBucketsAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var batch in ReadJoinedAsync(buckets, onRemovalMarker: null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var joined in batch)
            {
                var entry = joined.ToEntry();
                if (query is null || query.Matches(entry))
                {
                    yield return entry;
                }
            }
        }
    }

    /// <remarks>
    /// Decides on this site's view: on the on-premises side of a cloud link, contacts reach it through the mirror,
    /// so an entry contacted within the link's lag may still be removed. Also forgets removal markers older than
    /// <see cref="NatsStoreOptions.RemovalMarkerRetention"/>.
    /// </remarks>
    public async Task<int> RemoveStaleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        ConfigInputValidator.ValidateStaleTimeout(timeout);
        var buckets = await site.GetBucketsAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var cutoff = now - timeout;
        var retention = site.Settings.RemovalMarkerRetention;
        var oldMarkers = new List<KvItem>();
        var removed = 0;
        await foreach (var batch in ReadJoinedAsync(buckets, m => CollectIfOld(oldMarkers, m, now - retention), cancellationToken).ConfigureAwait(false))
        {
            foreach (var joined in batch)
            {
                if (joined.ToEntry().LastSeenAt < cutoff && await RemoveIfStillStaleAsync(buckets, joined, cutoff, cancellationToken).ConfigureAwait(false))
                {
                    removed++;
                }
            }
        }

        var forgotten = await ForgetMarkersAsync(buckets.Entries, oldMarkers, cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            Log.StaleRemoved(logger, removed, timeout);
        }

        if (forgotten > 0)
        {
            Log.MarkersForgotten(logger, forgotten, retention);
        }

        return removed;
    }

    private static void CollectIfOld(List<KvItem> oldMarkers, KvItem marker, DateTimeOffset before)
    {
        if (marker.Written < before)
        {
            oldMarkers.Add(marker);
        }
    }

    /// <summary>
    /// Forgets removal markers; in a mirrored bucket only those the mirror already has, since a mirror that never
    /// receives a marker keeps the entry alive for good.
    /// </summary>
    private static async Task<int> ForgetMarkersAsync(KvBucket entries, List<KvItem> markers, CancellationToken cancellationToken)
    {
        if (markers.Count == 0)
        {
            return 0;
        }

        var mirrored = entries.MirroredBy is { } peer
            ? await entries.GetMirrorProgressAsync(peer, cancellationToken).ConfigureAwait(false) ?? 0
            : ulong.MaxValue;
        var forgotten = 0;
        foreach (var marker in markers.Where(m => m.Revision <= mirrored))
        {
            await entries.ForgetAsync(marker.Key, marker.Revision, cancellationToken).ConfigureAwait(false);
            forgotten++;
        }

        return forgotten;
    }

    private async Task<bool> RemoveIfStillStaleAsync(SiteBuckets buckets, JoinedEntry joined, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var key = Keys.Entry(joined.Uuid);
        for (var attempt = 0; attempt < StaleRechecks; attempt++)
        {
            // Read again right before removing: a contact since the listing makes the entry fresh.
            var instance = DecodeInstance(await buckets.Instances.GetAsync(key, cancellationToken).ConfigureAwait(false));
            if (EntryView.Of(joined.Uuid, joined.Registration, instance).LastSeenAt >= cutoff)
            {
                return false;
            }

            if (await buckets.Entries.TryRemoveAsync(key, joined.Revision, cancellationToken).ConfigureAwait(false))
            {
                await ForgetInstanceAsync(buckets, joined.Uuid, cancellationToken).ConfigureAwait(false);
                return true;
            }

            // Changed since the listing (an app-side update, which is no contact): look again.
            var read = await buckets.Entries.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (!read.Exists)
            {
                return false;
            }

            joined = joined with { Registration = RegistrationRecord.Decode(read.Value!), Revision = read.Revision };
        }

        return false;
    }

    private static async IAsyncEnumerable<List<JoinedEntry>> ReadJoinedAsync(
        SiteBuckets buckets,
        Action<KvItem>? onRemovalMarker,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<(Guid Uuid, RegistrationRecord Registration, ulong Revision)>(BatchSize);
        await foreach (var item in buckets.Entries.ListAsync(Keys.AllEntries, withValues: true, cancellationToken).ConfigureAwait(false))
        {
            if (item.WasRemoved)
            {
                onRemovalMarker?.Invoke(item);
            }
            else if (Keys.UuidOf(item.Key) is { } uuid)
            {
                batch.Add((uuid, RegistrationRecord.Decode(item.Value!), item.Revision));
                if (batch.Count == BatchSize)
                {
                    yield return await JoinAsync(buckets, batch, cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                }
            }
        }

        if (batch.Count > 0)
        {
            yield return await JoinAsync(buckets, batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<JoinedEntry>> JoinAsync(SiteBuckets buckets, List<(Guid Uuid, RegistrationRecord Registration, ulong Revision)> batch, CancellationToken cancellationToken)
    {
        var instances = await Task.WhenAll(batch.Select(r => buckets.Instances.GetAsync(Keys.Entry(r.Uuid), cancellationToken))).ConfigureAwait(false);
        return [.. batch.Select((r, i) => new JoinedEntry(r.Uuid, r.Registration, r.Revision, DecodeInstance(instances[i])))];
    }

    /// <summary>A registration, the revision it was read at, and its instance record if any.</summary>
    private sealed record JoinedEntry(Guid Uuid, RegistrationRecord Registration, ulong Revision, InstanceRecord? Instance)
    {
        public ConfigEntry ToEntry() => EntryView.Of(Uuid, Registration, Instance);
    }
}
