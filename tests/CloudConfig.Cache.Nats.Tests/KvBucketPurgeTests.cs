using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.KeyValueStore;

namespace CloudConfig.Cache.Nats.Tests;

/// <summary>
/// What the purges of a mirrored bucket leave: never a revision written after the one they were decided on. Another
/// write may land between reading the mirror's progress and purging; a mirror that never receives it refuses the
/// next revision of that key for good, and a registration made meanwhile must not vanish with an old removal marker.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class KvBucketPurgeTests(NatsServerFixture nats) : IAsyncLifetime
{
    private const string Key = "e.k";
    private NatsSiteConnection _connection = null!;
    private INatsKVStore _store = null!;
    private KvBucket _bucket = null!;

    public async Task InitializeAsync()
    {
        _connection = new NatsSiteConnection(new NatsConnectionSettings(nats.Server.Url, null, null, null, null), TimeSpan.FromSeconds(10), "test", NullLogger.Instance);
        _store = await _connection.KeyValues.CreateStoreAsync(new NatsKVConfig(NatsServerFixture.NewPrefix()) { History = 64 });
        _bucket = new KvBucket(_connection, _store, new BucketRole(MirrorOf: null, MirroredBy: null), NullLogger.Instance);
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task DropRevisionsBefore_KeepsThatRevisionAndEveryLaterOne()
    {
        var first = (await _bucket.TryCreateAsync(Key, [1], CancellationToken.None))!.Value;
        var mirrored = (await _bucket.TryUpdateAsync(Key, [2], first, CancellationToken.None))!.Value;
        var writtenMeanwhile = (await _bucket.TryUpdateAsync(Key, [3], mirrored, CancellationToken.None))!.Value;
        var latest = (await _bucket.TryUpdateAsync(Key, [4], writtenMeanwhile, CancellationToken.None))!.Value;

        await _bucket.DropRevisionsBeforeAsync(Key, mirrored, CancellationToken.None);

        Assert.Equal([mirrored, writtenMeanwhile, latest], await RevisionsAsync());
    }

    [Fact]
    public async Task DropRevisionsBefore_TheStreamsFirstRecord_DropsNothing()
    {
        var first = (await _bucket.TryCreateAsync(Key, [1], CancellationToken.None))!.Value;

        await _bucket.DropRevisionsBeforeAsync(Key, first, CancellationToken.None);

        Assert.Equal(1UL, first);
        Assert.Equal([first], await RevisionsAsync());
    }

    [Fact]
    public async Task DropRevisionsBefore_LeavesEveryOtherKeyAlone()
    {
        var other = (await _bucket.TryCreateAsync("e.other", [9], CancellationToken.None))!.Value;
        var first = (await _bucket.TryCreateAsync(Key, [1], CancellationToken.None))!.Value;
        var latest = (await _bucket.TryUpdateAsync(Key, [2], first, CancellationToken.None))!.Value;

        await _bucket.DropRevisionsBeforeAsync(Key, latest, CancellationToken.None);

        Assert.Equal([latest], await RevisionsAsync());
        Assert.Equal(other, (await _bucket.GetAsync("e.other", CancellationToken.None)).Revision);
    }

    [Fact]
    public async Task Forget_DropsTheMarkerButNotAValueWrittenAfterIt()
    {
        var created = (await _bucket.TryCreateAsync(Key, [1], CancellationToken.None))!.Value;
        Assert.True(await _bucket.TryRemoveAsync(Key, created, CancellationToken.None));
        var marker = (await _bucket.GetAsync(Key, CancellationToken.None)).Revision;
        var registeredAgain = (await _bucket.TryCreateAsync(Key, [2], CancellationToken.None))!.Value;

        await _bucket.ForgetAsync(Key, marker, CancellationToken.None);

        Assert.Equal([registeredAgain], await RevisionsAsync());
        Assert.Equal([2], (await _bucket.GetAsync(Key, CancellationToken.None)).Value);
    }

    private async Task<List<ulong>> RevisionsAsync()
    {
        var revisions = new List<ulong>();
        await foreach (var entry in _store.HistoryAsync<byte[]>(Key))
        {
            revisions.Add(entry.Revision);
        }

        return revisions;
    }
}
