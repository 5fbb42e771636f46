using System.Runtime.CompilerServices;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// One key-value bucket, as the cache uses it: reads, compare-and-swap writes (create only, update at an expected
/// revision, delete at an expected revision), listings and change watches, every call bounded by the site
/// connection's timeout and every failure mapped by it. A mirror refuses writes: they would be stored nowhere.
/// </summary>
internal sealed class KvBucket(NatsSiteConnection connection, INatsKVStore store, bool isMirror)
{
    private static readonly NatsRawSerializer<byte[]> Raw = NatsRawSerializer<byte[]>.Default;

    /// <summary>The bucket's name.</summary>
    public string Name => store.Bucket;

    /// <summary>Whether this site holds the bucket as a read-only mirror of another site's.</summary>
    public bool IsMirror => isMirror;

    /// <summary>Reads a key's latest value.</summary>
    public Task<KvRead> GetAsync(string key, CancellationToken cancellationToken) =>
        connection.RunAsync(
            async ct =>
            {
                var result = await store.TryGetEntryAsync(key, serializer: Raw, cancellationToken: ct).ConfigureAwait(false);
                if (result.Success)
                {
                    return new KvRead(result.Value.Value ?? [], result.Value.Revision, WasRemoved: false);
                }

                return result.Error switch
                {
                    NatsKVKeyDeletedException deleted => new KvRead(null, deleted.Revision, WasRemoved: true),
                    NatsKVKeyNotFoundException => KvRead.Missing,
                    var error => throw error,
                };
            },
            cancellationToken);

    /// <summary>Writes a key that has no value now (never written or removed); null when it has one.</summary>
    public Task<ulong?> TryCreateAsync(string key, byte[] value, CancellationToken cancellationToken)
    {
        EnsureWritable();
        return connection.RunAsync(
            async ct =>
            {
                var result = await store.TryCreateAsync(key, value, Raw, ct).ConfigureAwait(false);
                return result.Success ? result.Value : IsConflict(result.Error) ? (ulong?)null : throw result.Error;
            },
            cancellationToken);
    }

    /// <summary>Replaces a key's value if it is still at <paramref name="revision"/>; null when it moved on.</summary>
    public Task<ulong?> TryUpdateAsync(string key, byte[] value, ulong revision, CancellationToken cancellationToken)
    {
        EnsureWritable();
        return connection.RunAsync(
            async ct =>
            {
                var result = await store.TryUpdateAsync(key, value, revision, Raw, ct).ConfigureAwait(false);
                return result.Success ? result.Value : IsConflict(result.Error) ? (ulong?)null : throw result.Error;
            },
            cancellationToken);
    }

    /// <summary>
    /// Removes a key, leaving a removal marker that mirrors and watchers see; only if it is still at
    /// <paramref name="revision"/>, or unconditionally when that is 0. False when it moved on.
    /// </summary>
    public Task<bool> TryRemoveAsync(string key, ulong revision, CancellationToken cancellationToken)
    {
        EnsureWritable();
        return connection.RunAsync(
            async ct =>
            {
                var result = await store.TryDeleteAsync(key, new NatsKVDeleteOpts { Revision = revision }, ct).ConfigureAwait(false);
                return result.Success || (IsConflict(result.Error) ? false : throw result.Error);
            },
            cancellationToken);
    }

    /// <summary>Drops a key's removal marker for good (the origin only; mirrors that have not seen it never will).</summary>
    public Task ForgetAsync(string key, CancellationToken cancellationToken)
    {
        EnsureWritable();
        return connection.RunAsync(
            async ct => await connection.JetStream.PurgeStreamAsync(StreamName, new() { Filter = Subject(key) }, ct).ConfigureAwait(false),
            cancellationToken);
    }

    /// <summary>The bucket's stream as the server reports it now.</summary>
    public Task<BucketState> GetStateAsync(CancellationToken cancellationToken) =>
        connection.RunAsync(
            async ct =>
            {
                var stream = await connection.JetStream.GetStreamAsync(StreamName, cancellationToken: ct).ConfigureAwait(false);
                var info = stream.Info;
                var mirror = info.Mirror is { } m ? new MirrorState((ulong)Math.Max(0, m.Lag), m.Active, m.Error?.Description) : null;
                return new BucketState(info.State.LastSeq, (ulong)info.State.Messages, mirror);
            },
            cancellationToken);

    /// <summary>
    /// Every key under <paramref name="filter"/> with its latest record, removal markers included, in stream order.
    /// Like any scan, keys changed during the listing may show either way. Each record must arrive within the
    /// operation timeout.
    /// </summary>
    public async IAsyncEnumerable<KvItem> ListAsync(string filter, bool withValues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var opts = new NatsKVWatchOpts { MetaOnly = !withValues, OnNoData = static _ => ValueTask.FromResult(true) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var entries = store.WatchAsync([filter], Raw, opts, stop.Token).GetAsyncEnumerator(stop.Token);
        try
        {
            while (await connection.RunAsync(ct => new ValueTask<bool>(entries.MoveNextAsync().AsTask().WaitAsync(ct)), cancellationToken).ConfigureAwait(false))
            {
                var entry = entries.Current;
                yield return ToItem(entry);
                if (entry.Delta == 0)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await DisposeQuietlyAsync(entries).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Changes under <paramref name="filter"/> from now on, without values, for as long as the caller listens. The
    /// client resumes after reconnecting from where it was, so nothing committed meanwhile is skipped.
    /// <paramref name="watching"/> is called once the watch is in place on the server.
    /// </summary>
    public async IAsyncEnumerable<KvItem> WatchAsync(string filter, Action watching, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // With "updates only" nothing is pending when the watch starts, so the client reports "no data" right then.
        var opts = new NatsKVWatchOpts
        {
            MetaOnly = true,
            UpdatesOnly = true,
            OnNoData = _ =>
            {
                watching();
                return ValueTask.FromResult(false);
            },
        };
        await foreach (var entry in store.WatchAsync([filter], Raw, opts, cancellationToken).ConfigureAwait(false))
        {
            yield return ToItem(entry);
        }
    }

    private string StreamName => "KV_" + store.Bucket;

    private string Subject(string key) => $"$KV.{store.Bucket}.{key}";

    private static KvItem ToItem(NatsKVEntry<byte[]> entry) =>
        new(entry.Key, entry.Value, entry.Revision, entry.Operation is NatsKVOperation.Del or NatsKVOperation.Purge, entry.Created);

    private static bool IsConflict(Exception error) => error is NatsKVCreateException or NatsKVWrongLastRevisionException;

    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<NatsKVEntry<byte[]>> entries)
    {
        try
        {
            await entries.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or NatsException)
        {
            // The listing is over either way; a watcher torn down mid-flight has nothing left to report.
        }
    }

    private void EnsureWritable()
    {
        if (isMirror)
        {
            throw new InvalidOperationException($"The bucket {store.Bucket} is a mirror here; it is written at another site.");
        }
    }
}
