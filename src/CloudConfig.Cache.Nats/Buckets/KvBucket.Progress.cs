using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

// What a federation needs beyond reads and writes: dropping what a mirror no longer needs, and how far each side has got.
internal sealed partial class KvBucket
{
    /// <summary>
    /// Drops a key's revisions older than <paramref name="revision"/> (a mirrored bucket's compaction). Newer ones stay
    /// whatever happened meanwhile: "keep only the latest" would also drop a revision written a moment ago that the
    /// mirror has not copied yet, and the mirror would refuse the next one for good.
    /// </summary>
    public Task DropRevisionsBeforeAsync(string key, ulong revision, CancellationToken cancellationToken)
    {
        EnsureWritable();
        // Nothing precedes the stream's first record; and the server reads a purge "up to 1" as no bound at all.
        if (revision <= 1)
        {
            return Task.CompletedTask;
        }

        return _connection.RunAsync(
            async ct => await _connection.JetStream.PurgeStreamAsync(StreamName, new() { Filter = Subject(key), Seq = revision }, ct).ConfigureAwait(false),
            cancellationToken);
    }

    /// <summary>
    /// The last sequence the mirror at <paramref name="domain"/> holds, read across the link; null when it cannot be
    /// read now (the link is down). The mirror keeps this bucket's sequences, so everything up to it has arrived there.
    /// </summary>
    public Task<ulong?> GetMirrorProgressAsync(string domain, CancellationToken cancellationToken) => GetLastSequenceInAsync(domain, cancellationToken);

    /// <summary>For a mirror, the last sequence its origin holds, read across the link; null when it cannot be read now.</summary>
    public Task<ulong?> GetOriginProgressAsync(CancellationToken cancellationToken) =>
        GetLastSequenceInAsync(_role.MirrorOf ?? throw new InvalidOperationException($"{Name} is not a mirror."), cancellationToken);

    private async Task<ulong?> GetLastSequenceInAsync(string domain, CancellationToken cancellationToken)
    {
        try
        {
            return await _connection.RunAsync(
                async ct => (await _connection.JetStreamOf(domain).GetStreamAsync(StreamName, cancellationToken: ct).ConfigureAwait(false)).Info.State.LastSeq,
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigCacheException)
        {
            // Unreachable now, or refused (the mirror is not there yet): no progress to report.
            return null;
        }
    }

    /// <summary>
    /// Drops a key's removal marker at <paramref name="markerRevision"/> for good, with everything before it (the origin
    /// only; mirrors that have not seen it never will). A value written after it, by a registration made meanwhile, stays.
    /// </summary>
    public Task ForgetAsync(string key, ulong markerRevision, CancellationToken cancellationToken)
    {
        EnsureWritable();
        return _connection.RunAsync(
            async ct => await _connection.JetStream.PurgeStreamAsync(StreamName, new() { Filter = Subject(key), Seq = markerRevision + 1 }, ct).ConfigureAwait(false),
            cancellationToken);
    }

    /// <summary>The bucket's stream as the server reports it now.</summary>
    public Task<BucketState> GetStateAsync(CancellationToken cancellationToken) =>
        _connection.RunAsync(
            async ct =>
            {
                var stream = await _connection.JetStream.GetStreamAsync(StreamName, cancellationToken: ct).ConfigureAwait(false);
                var info = stream.Info;
                var mirror = info.Mirror is { } m ? new MirrorState((ulong)Math.Max(0, m.Lag), m.Active, m.Error?.Description) : null;
                return new BucketState(info.State.LastSeq, (ulong)info.State.NumSubjects, mirror);
            },
            cancellationToken);
}
