using System.Runtime.CompilerServices;
using CloudConfig.Core;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// One key-value bucket, as the cache uses it: reads, compare-and-swap writes (create only, update at an expected
/// revision, delete at an expected revision), listings and change watches, every call bounded by the site
/// connection's timeout and every failure mapped by it. A mirror refuses writes: they would be stored nowhere.
/// </summary>
internal sealed partial class KvBucket : IAsyncDisposable
{
    private const string OperationHeader = "KV-Operation";
    private const string ExpectedRevisionHeader = "Nats-Expected-Last-Subject-Sequence";
    private const int WrongLastSequence = 10071;
    private static readonly NatsRawSerializer<byte[]> Raw = NatsRawSerializer<byte[]>.Default;
    private readonly NatsSiteConnection _connection;
    private readonly INatsKVStore _store;
    private readonly BucketRole _role;
    private readonly HistoryCompactor? _compactor;

    public KvBucket(NatsSiteConnection connection, INatsKVStore store, BucketRole role, ILogger logger)
    {
        _connection = connection;
        _store = store;
        _role = role;
        _compactor = role.MirroredBy is { } peer ? new HistoryCompactor(this, peer, logger) : null;
    }

    /// <summary>The bucket's name.</summary>
    public string Name => _store.Bucket;

    /// <summary>Whether this site holds the bucket as a read-only mirror of another site's.</summary>
    public bool IsMirror => _role.MirrorOf is not null;

    /// <summary>The domain that mirrors this bucket, or null when none does.</summary>
    public string? MirroredBy => _role.MirroredBy;

    /// <summary>The compactor of a mirrored bucket written here; null otherwise.</summary>
    public HistoryCompactor? Compactor => _compactor;

    /// <summary>Reads a key's latest value.</summary>
    public Task<KvRead> GetAsync(string key, CancellationToken cancellationToken) =>
        _connection.RunRequestAsync(
            async ct =>
            {
                var result = await _store.TryGetEntryAsync(key, serializer: Raw, cancellationToken: ct).ConfigureAwait(false);
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
    /// <remarks>
    /// Published here rather than through the key-value client's create, which answers any refusal it does not
    /// expect (a full store, a limit) with "key not found", hiding the server's reason.
    /// </remarks>
    public Task<ulong?> TryCreateAsync(string key, byte[] value, CancellationToken cancellationToken)
    {
        EnsureWritable();
        return _connection.RunAsync(
            async ct =>
            {
                if (await TryPublishAsync(key, value, expectedRevision: 0, ct).ConfigureAwait(false) is { } created)
                {
                    return created;
                }

                // Taken, or only a removal marker is there: then the key is free, and the marker's revision is the one to replace.
                var current = await _store.TryGetEntryAsync(key, serializer: Raw, cancellationToken: ct).ConfigureAwait(false);
                return current is { Success: false, Error: NatsKVKeyDeletedException deleted }
                    ? await TryPublishAsync(key, value, deleted.Revision, ct).ConfigureAwait(false)
                    : null;
            },
            cancellationToken);
    }

    /// <summary>Replaces a key's value if it is still at <paramref name="revision"/>; null when it moved on.</summary>
    public Task<ulong?> TryUpdateAsync(string key, byte[] value, ulong revision, CancellationToken cancellationToken)
    {
        EnsureWritable();
        return _connection.RunAsync(
            async ct =>
            {
                var result = await _store.TryUpdateAsync(key, value, revision, Raw, ct).ConfigureAwait(false);
                return result.Success ? Written(key, result.Value) : IsConflict(result.Error) ? (ulong?)null : throw result.Error;
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
        // Published as the key-value client would, but keeping the acknowledged sequence for the compactor.
        var headers = new NatsHeaders { [OperationHeader] = "DEL" };
        if (revision != 0)
        {
            headers[ExpectedRevisionHeader] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return _connection.RunAsync(
            async ct =>
            {
                try
                {
                    var ack = await _connection.JetStream.PublishAsync<byte[]>(Subject(key), [], Raw, headers: headers, cancellationToken: ct).ConfigureAwait(false);
                    ack.EnsureSuccess();
                    Written(key, ack.Seq);
                    return true;
                }
                catch (NatsJSApiException e) when (e.Error.ErrCode == WrongLastSequence)
                {
                    return false;
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// Every key under <paramref name="filter"/> with its latest record, removal markers included, in stream order.
    /// Like any scan, keys changed during the listing may show either way. Each record must arrive within the
    /// operation timeout.
    /// </summary>
    public async IAsyncEnumerable<KvItem> ListAsync(string filter, bool withValues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var opts = new NatsKVWatchOpts { MetaOnly = !withValues, OnNoData = static _ => ValueTask.FromResult(true) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var entries = _store.WatchAsync([filter], Raw, opts, stop.Token).GetAsyncEnumerator(stop.Token);
        try
        {
            while (await _connection.RunAsync(ct => new ValueTask<bool>(entries.MoveNextAsync().AsTask().WaitAsync(ct)), cancellationToken).ConfigureAwait(false))
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
        await foreach (var entry in _store.WatchAsync([filter], Raw, opts, cancellationToken).ConfigureAwait(false))
        {
            yield return ToItem(entry);
        }
    }

    /// <summary>Stores a value if the key's last revision is <paramref name="expectedRevision"/> (0: none); null when it is not.</summary>
    private async ValueTask<ulong?> TryPublishAsync(string key, byte[] value, ulong expectedRevision, CancellationToken cancellationToken)
    {
        var headers = new NatsHeaders { [ExpectedRevisionHeader] = expectedRevision.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        try
        {
            var ack = await _connection.JetStream.PublishAsync(Subject(key), value, Raw, headers: headers, cancellationToken: cancellationToken).ConfigureAwait(false);
            ack.EnsureSuccess();
            return Written(key, ack.Seq);
        }
        catch (NatsJSApiException e) when (e.Error.ErrCode == WrongLastSequence)
        {
            return null;
        }
    }

    private string StreamName => "KV_" + _store.Bucket;

    private string Subject(string key) => $"$KV.{_store.Bucket}.{key}";

    private static KvItem ToItem(NatsKVEntry<byte[]> entry) =>
        new(entry.Key, entry.Value, entry.Revision, entry.Operation is NatsKVOperation.Del or NatsKVOperation.Purge, entry.Created);

    public async ValueTask DisposeAsync()
    {
        if (_compactor is not null)
        {
            await _compactor.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ulong Written(string key, ulong revision)
    {
        _compactor?.Written(key, revision);
        return revision;
    }

    private static bool IsConflict(Exception error) => error is NatsKVWrongLastRevisionException;

    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<NatsKVEntry<byte[]>> entries)
    {
        try
        {
            await entries.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or NatsException or InvalidOperationException)
        {
            // The listing is over either way (also when it timed out with a read still pending): a watcher torn
            // down mid-flight has nothing left to report.
        }
    }

    private void EnsureWritable()
    {
        if (IsMirror)
        {
            throw new InvalidOperationException($"The bucket {_store.Bucket} is a mirror here; it is written at another site.");
        }
    }
}
