using CloudConfig.Core;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Cache.InMemory.Tests;

public sealed class InMemoryConfigCacheTests
{
    private static ConfigRegistration NewRegistration() =>
        ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("x"), Secret.Generate());

    [Fact]
    public async Task PreRegister_BeyondMaxEntries_ThrowsCacheFullAndStoresNothingMore()
    {
        var cache = new InMemoryConfigCache(Options.Create(new InMemoryConfigCacheOptions { Limits = new ConfigCacheLimits { MaxEntries = 2 } }));
        await cache.PreRegisterAsync(NewRegistration());
        await cache.PreRegisterAsync(NewRegistration());
        var third = NewRegistration();

        var error = await Assert.ThrowsAsync<ConfigCacheFullException>(() => cache.PreRegisterAsync(third));

        Assert.Equal(2, error.Limit);
        Assert.Equal(2, cache.Count);
        Assert.Null(await cache.GetAsync(third.Uuid));
    }

    [Fact]
    public async Task Remove_FreesASlotUnderMaxEntries()
    {
        var cache = new InMemoryConfigCache(Options.Create(new InMemoryConfigCacheOptions { Limits = new ConfigCacheLimits { MaxEntries = 1 } }));
        var first = NewRegistration();
        await cache.PreRegisterAsync(first);
        await cache.RemoveAsync(first.Uuid);

        await cache.PreRegisterAsync(NewRegistration());

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Constructor_InvalidLimits_ListsEveryProblemInOneException()
    {
        var options = new InMemoryConfigCacheOptions { Limits = new ConfigCacheLimits { MaxConfigurationBytes = 0, MaxEntries = -5 } };

        var error = Assert.Throws<OptionsValidationException>(() => new InMemoryConfigCache(Options.Create(options)));

        Assert.Equal(
            ["MaxConfigurationBytes must be greater than zero (was 0).", "MaxEntries must be greater than zero (was -5)."],
            error.Failures);
    }

    [Fact]
    public async Task RemoveStale_AfterTheContactLogCompacted_StillRemovesExactlyTheStaleEntries()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryConfigCache(timeProvider: time);
        var stale = Enumerable.Range(0, 50).Select(_ => NewRegistration()).ToList();
        foreach (var registration in stale)
        {
            await cache.PreRegisterAsync(registration);
        }

        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        var active = ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("y"), bootSecret);
        await cache.PreRegisterAsync(active);
        await cache.FetchAsync(active.Uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        for (var i = 0; i < 10_000; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            await cache.FetchAsync(active.Uuid, InstanceCredential.Trusted(trustKey));
        }

        var logBeforeCompaction = cache.ContactLogLength;
        await cache.PreRegisterAsync(NewRegistration());
        time.Advance(TimeSpan.FromMilliseconds(1));

        var removed = await cache.RemoveStaleAsync(TimeSpan.FromSeconds(5));

        Assert.True(logBeforeCompaction > 10_000);
        Assert.Equal(50, removed);
        Assert.Equal(2, cache.Count);
        Assert.True(cache.ContactLogLength <= 2);
        Assert.NotNull(await cache.GetAsync(active.Uuid));
    }
}
