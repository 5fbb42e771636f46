using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Cache.Redis.Tests;

/// <summary>
/// A trusted fetch records the instance's contact only when this process recorded none for the entry within
/// <see cref="RedisConfigCacheOptions.ContactWriteInterval"/>; what it skips is only that write, never a check.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisContactWriteTests(RedisServerFixture redis)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Fetch_WithinTheIntervalOfTheLastRecordedContact_KeepsItAndAfterItRecordsTheNewOne()
    {
        var time = new FakeTimeProvider(Start);
        await using var cache = redis.CreateCache(time, configure: o => o.ContactWriteInterval = TimeSpan.FromSeconds(5));
        var (uuid, trustKey) = await ClaimAsync(cache);

        time.Advance(TimeSpan.FromSeconds(1));
        await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
        var first = (await cache.GetAsync(uuid))!.LastContactAt;
        time.Advance(TimeSpan.FromSeconds(3));
        var within = await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
        var afterWithin = (await cache.GetAsync(uuid))!.LastContactAt;
        time.Advance(TimeSpan.FromSeconds(3));
        await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
        var afterInterval = (await cache.GetAsync(uuid))!.LastContactAt;

        Assert.Equal("echo", within.Configuration.AsText());
        Assert.Equal(Start.AddSeconds(1), first);
        Assert.Equal(Start.AddSeconds(1), afterWithin);
        Assert.Equal(Start.AddSeconds(7), afterInterval);
    }

    [Fact]
    public async Task Fetch_IntervalZero_RecordsEveryContact()
    {
        var time = new FakeTimeProvider(Start);
        await using var cache = redis.CreateCache(time, configure: o => o.ContactWriteInterval = TimeSpan.Zero);
        var (uuid, trustKey) = await ClaimAsync(cache);

        var seen = new List<DateTimeOffset?>();
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
            seen.Add((await cache.GetAsync(uuid))!.LastContactAt);
        }

        Assert.Equal([Start.AddMilliseconds(1), Start.AddMilliseconds(2), Start.AddMilliseconds(3)], seen);
    }

    [Fact]
    public async Task Fetch_WithinTheInterval_StillRefusesAnotherTrustKeyAndSeesUpdatesAndRemovals()
    {
        await using var cache = redis.CreateCache(new FakeTimeProvider(Start));
        var (uuid, trustKey) = await ClaimAsync(cache);
        await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));

        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => cache.FetchAsync(uuid, InstanceCredential.Trusted(Secret.Generate())));
        await cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("echo 2"));
        var updated = await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
        await cache.RemoveAsync(uuid);

        Assert.Equal(2, updated.Generation);
        Assert.Equal("echo 2", updated.Configuration.AsText());
        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey)));
    }

    private static async Task<(Guid Uuid, Secret TrustKey)> ClaimAsync(RedisConfigCache cache)
    {
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), bootSecret));
        await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        return (uuid, trustKey);
    }
}
