using System.Diagnostics;
using System.Globalization;
using System.Text;
using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis.Tests;

/// <summary>The rules under contention from several connections (as from several rendezvous processes), and pub/sub wake-ups.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisCrossConnectionTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = RedisServerFixture.NewPrefix();
    private RedisConfigCache _cache = null!;

    public Task InitializeAsync()
    {
        _cache = redis.CreateCache(_time, keyPrefix: _prefix);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _cache.DisposeAsync();

    [Fact]
    public async Task PreRegister_ConcurrentlyPastMaxEntries_AdmitsExactlyTheLimit()
    {
        await using var limited = redis.CreateCache(_time, new ConfigCacheLimits { MaxEntries = 10 });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            try
            {
                await limited.PreRegisterAsync(ConfigRegistration.ForBootSecret(Guid.NewGuid(), Text("x"), Secret.Generate()));
                return true;
            }
            catch (ConfigCacheFullException error)
            {
                Assert.Equal(10, error.Limit);
                return false;
            }
        })));

        Assert.Equal(10, outcomes.Count(added => added));
        Assert.Equal(10, (await ToListAsync(limited.ListAsync())).Count);
    }

    [Fact]
    public async Task Fetch_OneStolenBootStringOverManyConnections_ExactlyOneWins()
    {
        var (uuid, bootSecret) = await RegisterAsync();
        var caches = Enumerable.Range(0, 4).Select(_ => redis.CreateCache(_time, keyPrefix: _prefix)).ToList();
        try
        {
            using var start = new ManualResetEventSlim();
            var attempts = caches.SelectMany(cache => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                start.Wait();
                try
                {
                    await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate()));
                    return true;
                }
                catch (ConfigEntryNotFoundException)
                {
                    return false;
                }
            }))).ToList();
            start.Set();
            var outcomes = await Task.WhenAll(attempts);

            Assert.Equal(1, outcomes.Count(won => won));
            Assert.Equal(15, (await _cache.GetAsync(uuid))!.BootSecretReplays);
        }
        finally
        {
            foreach (var cache in caches)
            {
                await cache.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task WaitForUpdate_ChangedThroughAnotherConnection_WakesThroughPubSub()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();
        await using var app = redis.CreateCache(_time, keyPrefix: _prefix);

        var waiting = _cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromHours(1));
        await app.UpdateConfigurationAsync(uuid, Text("echo v2"));
        var update = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(update);
        Assert.Equal(2, update.Generation);
        Assert.Equal("echo v2", update.Configuration.AsText());
    }

    [Fact]
    public async Task WaitForUpdate_RemovedThroughAnotherConnection_ThrowsNotFound()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();
        await using var app = redis.CreateCache(_time, keyPrefix: _prefix);

        var waiting = _cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromHours(1));
        await app.RemoveAsync(uuid);

        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Contacts_ABatchArrivingAfterALaterReportFromAnotherProcess_NeverMovesTheLastContactBack()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();
        var laterTime = new FakeTimeProvider(_time.GetUtcNow().AddMinutes(5));
        await using var other = redis.CreateCache(laterTime, keyPrefix: _prefix);

        // This process serves a fetch (its contact waits in the batch); another reports later, then the batch goes out.
        _time.Advance(TimeSpan.FromMinutes(1));
        await _cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
        await other.UpdateCacheAsync(uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured)));
        var entry = (await _cache.GetAsync(uuid))!;
        _time.Advance(TimeSpan.FromMinutes(10));
        await _cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
        var fetchedLater = (await _cache.GetAsync(uuid))!;

        Assert.Equal(laterTime.GetUtcNow(), entry.LastContactAt);
        Assert.Equal(InstanceState.Configured, entry.Status.State);
        // A trusted fetch's contact is kept to the microsecond, as the stale index keeps it.
        Assert.Equal(_time.GetUtcNow(), fetchedLater.LastContactAt);
    }

    [Fact]
    public async Task WaitForUpdate_NothingChanges_ReturnsNullWhenTheTimeoutPasses()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();

        var waiting = _cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromMinutes(1));
        // The waiter reads the fake clock; advance it until the waiter has parked and its timer fires.
        while (!waiting.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(waiting, Task.Delay(10));
        }

        Assert.Null(await waiting);
    }

    [Fact]
    public async Task WaitForUpdate_NotificationLostWhileDisconnected_ReCheckedWhenTheConnectionIsRestored()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        var waiting = _cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromHours(1));
        await WaitUntilCheckedAsync(uuid, waiting);

        // A change whose notification never arrives, as if published while this process was disconnected.
        await using (var inspector = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString))
        {
            var db = inspector.GetDatabase();
            // A claimed entry: one string under its trust key's hash holds the instance's view of it (its length, a
            // line feed, then the generation on the view's first line) followed by the configuration.
            var entry = $"{{{_prefix}:{uuid:N}}}";
            var claimed = $"{entry}:c:{trustKey.Hash()}";
            await db.HashIncrementAsync(entry, "g");
            var stored = (string)(await db.StringGetAsync(claimed))!;
            var viewStart = stored.IndexOf('\n', StringComparison.Ordinal) + 1;
            var view = stored.Substring(viewStart, int.Parse(stored[..(viewStart - 1)], CultureInfo.InvariantCulture));
            var newView = "2" + view[view.IndexOf('\n', StringComparison.Ordinal)..];
            await db.StringSetAsync(claimed, $"{Encoding.UTF8.GetByteCount(newView)}\n{newView}echo v2");
        }

        Assert.False(waiting.IsCompleted);
        _cache.WakeAllWaiters();
        var update = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(update);
        Assert.Equal(2, update.Generation);
        Assert.Equal("echo v2", update.Configuration.AsText());
    }

    /// <summary>Waits until the waiter has made its first check (a contact at the current time) and is still waiting.</summary>
    private async Task WaitUntilCheckedAsync(Guid uuid, Task waiting)
    {
        var started = Stopwatch.GetTimestamp();
        while ((await _cache.GetAsync(uuid))!.LastContactAt != _time.GetUtcNow())
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "The waiter never checked its entry.");
            await Task.Delay(10);
        }

        Assert.False(waiting.IsCompleted);
    }

    private static ConfigurationContent Text(string text) => ConfigurationContent.FromText(text);

    private async Task<(Guid Uuid, Secret BootSecret)> RegisterAsync()
    {
        var uuid = Guid.NewGuid();
        var secret = Secret.Generate();
        await _cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, Text("echo hi"), secret));
        return (uuid, secret);
    }

    private async Task<(Guid Uuid, Secret TrustKey)> RegisterAndClaimAsync()
    {
        var (uuid, bootSecret) = await RegisterAsync();
        var trustKey = Secret.Generate();
        await _cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        return (uuid, trustKey);
    }

    private static async Task<List<ConfigEntry>> ToListAsync(IAsyncEnumerable<ConfigEntry> entries)
    {
        var list = new List<ConfigEntry>();
        await foreach (var entry in entries)
        {
            list.Add(entry);
        }

        return list;
    }
}
