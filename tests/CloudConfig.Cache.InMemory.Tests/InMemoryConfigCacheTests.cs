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
    public async Task Contacts_TenThousandRoundsOfEveryKind_KeepOneStaleIndexNodePerEntry()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryConfigCache(timeProvider: time);
        var (uuid, trustKey) = await ClaimAsync(cache);
        var silent = NewRegistration();
        await cache.PreRegisterAsync(silent);
        var report = new InstanceReport(new InstanceStatus(InstanceState.Configured));

        for (var i = 0; i < 10_000; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
            await cache.UpdateCacheAsync(uuid, trustKey, report);
            await cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.Zero);
        }

        Assert.Equal(2, cache.ContactLogLength);
        Assert.Equal(1, await cache.RemoveStaleAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, cache.ContactLogLength);
        Assert.True(await cache.RemoveAsync(uuid));
        Assert.Equal(0, cache.ContactLogLength);
    }

    [Fact]
    public async Task RemoveStale_AnEntryRemovedAndRegisteredAgain_IsJudgedByItsNewRegistration()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryConfigCache(timeProvider: time);
        var first = NewRegistration();
        await cache.PreRegisterAsync(first);
        await cache.RemoveAsync(first.Uuid);
        time.Advance(TimeSpan.FromMinutes(10));
        await cache.PreRegisterAsync(first);

        Assert.Equal(0, await cache.RemoveStaleAsync(TimeSpan.FromMinutes(5)));
        Assert.Equal(1, cache.ContactLogLength);
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await cache.RemoveStaleAsync(TimeSpan.FromMinutes(5)));
        Assert.Equal(0, cache.ContactLogLength);
    }

    [Fact]
    public async Task RemoveStale_WhileFourThreadsKeepContactingOtherEntries_RemovesExactlyTheSilentOnes()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryConfigCache(timeProvider: time);
        var silent = Enumerable.Range(0, 5_000).Select(_ => NewRegistration()).ToList();
        foreach (var registration in silent)
        {
            await cache.PreRegisterAsync(registration);
        }

        time.Advance(TimeSpan.FromMinutes(10));
        var active = new List<(Guid Uuid, Secret TrustKey)>();
        for (var i = 0; i < 400; i++)
        {
            active.Add(await ClaimAsync(cache));
        }

        using var stop = new CancellationTokenSource();
        var contacts = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var rounds = 0;
            for (var i = worker; !stop.IsCancellationRequested || rounds < 2_000; i += 4, rounds++)
            {
                var (uuid, trustKey) = active[i % active.Count];
                await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
            }
        })).ToArray();
        var removed = 0;
        for (var sweep = 0; sweep < 20; sweep++)
        {
            removed += await cache.RemoveStaleAsync(TimeSpan.FromMinutes(5));
        }

        await stop.CancelAsync();
        await Task.WhenAll(contacts);

        Assert.Equal(silent.Count, removed);
        Assert.Equal(active.Count, cache.Count);
        Assert.Equal(active.Count, cache.ContactLogLength);
        foreach (var (uuid, _) in active)
        {
            Assert.NotNull(await cache.GetAsync(uuid));
        }
    }

    private static async Task<(Guid Uuid, Secret TrustKey)> ClaimAsync(InMemoryConfigCache cache)
    {
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        var registration = ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("y"), bootSecret);
        await cache.PreRegisterAsync(registration);
        await cache.FetchAsync(registration.Uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        return (registration.Uuid, trustKey);
    }
}
