using System.Collections.Concurrent;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats.Tests;

/// <summary>
/// Two caches on two connections sharing one set of buckets, as two rendezvous processes would: every rule is
/// decided on the server, so it holds across them exactly as within one.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class NatsCrossConnectionTests(NatsServerFixture nats)
{
    [Fact]
    public async Task AssignDynamic_ManyClaimersOnTwoConnections_HandEachEntryOutExactlyOnce()
    {
        const int Entries = 600;
        const int ClaimersPerConnection = 12;
        var prefix = NatsServerFixture.NewPrefix();
        await using var first = nats.CreateCache(prefix: prefix);
        await using var second = nats.CreateCache(prefix: prefix);
        var credential = Secret.Generate();
        var registered = new ConcurrentBag<Guid>();
        // Registered through both connections at once, so the queue's slots are contended too.
        await Parallel.ForAsync(0, Entries, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var uuid = Guid.NewGuid();
            await (i % 2 == 0 ? first : second).PreRegisterAsync(ConfigRegistration.ForDynamicPool(uuid, ConfigurationContent.FromText($"echo {i}"), "storm", credential), ct);
            registered.Add(uuid);
        });
        using var start = new ManualResetEventSlim();

        var claimers = Enumerable.Range(0, 2 * ClaimersPerConnection).Select(c => Task.Run(async () =>
        {
            var cache = c % 2 == 0 ? first : second;
            start.Wait();
            var mine = new List<Guid>();
            while (true)
            {
                try
                {
                    mine.Add((await cache.AssignDynamicAsync("storm", credential, Secret.Generate())).Uuid);
                }
                catch (NoDynamicEntryAvailableException)
                {
                    return mine;
                }
            }
        })).ToList();
        start.Set();
        var claimed = (await Task.WhenAll(claimers)).SelectMany(c => c).ToList();

        Assert.Equal(Entries, claimed.Count);
        Assert.Equal(registered.Order(), claimed.Order());
        Assert.All(await Task.WhenAll(claimed.Select(u => first.GetAsync(u))), e => Assert.True(e!.IsClaimed));
    }

    [Fact]
    public async Task AssignDynamic_ConcurrentRetriesWithOneTrustKeyOnTwoConnections_AllGetTheSameSingleEntry()
    {
        var prefix = NatsServerFixture.NewPrefix();
        await using var first = nats.CreateCache(prefix: prefix);
        await using var second = nats.CreateCache(prefix: prefix);
        var credential = Secret.Generate();
        for (var i = 0; i < 20; i++)
        {
            await first.PreRegisterAsync(ConfigRegistration.ForDynamicPool(Guid.NewGuid(), ConfigurationContent.FromText($"echo {i}"), "web", credential));
        }

        for (var round = 0; round < 5; round++)
        {
            var trustKey = Secret.Generate();
            using var start = new ManualResetEventSlim();
            var retries = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                start.Wait();
                return (await (i % 2 == 0 ? first : second).AssignDynamicAsync("web", credential, trustKey)).Uuid;
            })).ToList();
            start.Set();
            var got = await Task.WhenAll(retries);

            Assert.Single(got.Distinct());
        }

        var claimedEntries = 0;
        await foreach (var entry in first.ListAsync(new ConfigEntryQuery { DynamicPool = "web" }))
        {
            claimedEntries += entry.IsClaimed ? 1 : 0;
        }

        Assert.Equal(5, claimedEntries);
    }

    [Fact]
    public async Task Fetch_OneStolenBootStringOnTwoConnections_ExactlyOneWinsAndTheRestAreCounted()
    {
        const int Contenders = 16;
        var prefix = NatsServerFixture.NewPrefix();
        await using var first = nats.CreateCache(prefix: prefix);
        await using var second = nats.CreateCache(prefix: prefix);
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        await first.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), bootSecret));
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, Contenders).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await (i % 2 == 0 ? first : second).FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate()));
                return true;
            }
            catch (ConfigEntryNotFoundException)
            {
                return false;
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(Contenders - 1, (await second.GetAsync(uuid))!.BootSecretReplays);
    }

    [Fact]
    public async Task WaitForUpdate_AnUpdateThroughTheOtherConnection_WakesTheWaiterAndLeavesNoSignalBehind()
    {
        var (app, rendezvous, uuid, waiting) = await StartWaitingAsync();
        await using var appCache = app;
        await using var rendezvousCache = rendezvous;
        await app.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("v2"));
        var update = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(update);
        Assert.Equal("v2", update.Configuration.AsText());
        Assert.Equal(0, rendezvous.ChangeSignalCount);
    }

    [Fact]
    public async Task WaitForUpdate_TheEntryRemovedThroughTheOtherConnection_EndsTheWaitWithARefusal()
    {
        var (app, rendezvous, uuid, waiting) = await StartWaitingAsync();
        await using var appCache = app;
        await using var rendezvousCache = rendezvous;
        await app.RemoveAsync(uuid);

        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, rendezvous.ChangeSignalCount);
    }

    /// <summary>An entry registered through one connection, claimed and long-polled through another.</summary>
    private async Task<(NatsConfigCache App, NatsConfigCache Rendezvous, Guid Uuid, Task<InstanceConfiguration?> Waiting)> StartWaitingAsync()
    {
        var prefix = NatsServerFixture.NewPrefix();
        var rendezvous = nats.CreateCache(prefix: prefix);
        var app = nats.CreateCache(prefix: prefix);
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        await app.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("v1"), bootSecret));
        await rendezvous.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        var waiting = rendezvous.WaitForUpdateAsync(uuid, trustKey, 1, TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(() => rendezvous.ChangeSignalCount == 1, "the waiter waits");
        return (app, rendezvous, uuid, waiting);
    }
}
