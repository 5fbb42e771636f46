using System.Collections.Concurrent;
using CloudConfig.Core;

namespace CloudConfig.Cache.Conformance;

public abstract partial class ConfigCacheConformanceTests
{
    [Fact]
    public async Task AssignDynamic_HandsEntriesOutInRegistrationOrderThenRunsDry()
    {
        var credential = Secret.Generate();
        var uuids = await RegisterPoolAsync("web", credential, 3);
        await RegisterAsync();

        var assigned = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            assigned.Add((await Cache.AssignDynamicAsync("web", credential, Secret.Generate())).Uuid);
        }

        Assert.Equal(uuids, assigned);
        var dry = await Assert.ThrowsAsync<NoDynamicEntryAvailableException>(() => Cache.AssignDynamicAsync("web", credential, Secret.Generate()));
        Assert.Equal("web", dry.Pool);
    }

    [Fact]
    public async Task AssignDynamic_ReturnsWhatTheInstanceNeedsAndBindsItsTrustKey()
    {
        var credential = Secret.Generate();
        var uuid = Guid.NewGuid();
        await Cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(uuid, Script("echo pooled"), "web", credential) with { Domain = "d", ConfigHosts = ["h:1"] });
        var trustKey = Secret.Generate();

        var assignment = await Cache.AssignDynamicAsync("web", credential, trustKey);
        await Cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured)) { Address = "10.9.9.9" });
        var fetched = await Cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));

        Assert.Equal(uuid, assignment.Uuid);
        Assert.Equal("echo pooled", assignment.Configuration.AsText());
        Assert.Equal("d", assignment.Domain);
        Assert.Equal(["h:1"], assignment.ConfigHosts);
        Assert.Equal(assignment.Generation, fetched.Generation);
        var entry = (await Cache.GetAsync(uuid))!;
        Assert.True(entry.IsClaimed);
        Assert.True(entry.IsDynamic);
        Assert.Equal("10.9.9.9", entry.Address);
    }

    [Fact]
    public async Task AssignDynamic_WrongCredentialOrUnknownPool_IsRefusedAndConsumesNothing()
    {
        var credential = Secret.Generate();
        var uuids = await RegisterPoolAsync("web", credential, 1);

        await AssertRefusedAsync(() => Cache.AssignDynamicAsync("web", Secret.Generate(), Secret.Generate()));
        await AssertRefusedAsync(() => Cache.AssignDynamicAsync("no-such-pool", credential, Secret.Generate()));

        Assert.Equal(uuids[0], (await Cache.AssignDynamicAsync("web", credential, Secret.Generate())).Uuid);
    }

    [Fact]
    public async Task AssignDynamic_RetriedWithTheSameTrustKey_ReturnsTheSameEntryAndConsumesNoOther()
    {
        var credential = Secret.Generate();
        var uuids = await RegisterPoolAsync("web", credential, 2);
        var trustKey = Secret.Generate();
        var first = await Cache.AssignDynamicAsync("web", credential, trustKey);
        Time.Advance(TimeSpan.FromSeconds(5));

        var retried = await Cache.AssignDynamicAsync("web", credential, trustKey);
        var other = await Cache.AssignDynamicAsync("web", credential, Secret.Generate());

        Assert.Equal(uuids[0], first.Uuid);
        Assert.Equal(first.Uuid, retried.Uuid);
        Assert.Equal(first.Generation, retried.Generation);
        Assert.Equal(uuids[1], other.Uuid);
        Assert.Equal(Start.AddSeconds(5), (await Cache.GetAsync(first.Uuid))!.LastContactAt);
    }

    [Fact]
    public async Task AssignDynamic_RetriedAfterTheClaimedEntryWasRemoved_ClaimsTheNextOne()
    {
        var credential = Secret.Generate();
        var uuids = await RegisterPoolAsync("web", credential, 2);
        var trustKey = Secret.Generate();
        await Cache.AssignDynamicAsync("web", credential, trustKey);
        await Cache.RemoveAsync(uuids[0]);

        var next = await Cache.AssignDynamicAsync("web", credential, trustKey);

        Assert.Equal(uuids[1], next.Uuid);
    }

    [Fact]
    public async Task AssignDynamic_SkipsEntriesRemovedWhileWaiting()
    {
        var credential = Secret.Generate();
        var uuids = await RegisterPoolAsync("web", credential, 3);
        await Cache.RemoveAsync(uuids[0]);

        var assigned = await Cache.AssignDynamicAsync("web", credential, Secret.Generate());

        Assert.Equal(uuids[1], assigned.Uuid);
    }

    [Fact]
    public async Task Fetch_DynamicEntryWithThePoolCredentialAsBootSecret_IsRefused()
    {
        var credential = Secret.Generate();
        var uuids = await RegisterPoolAsync("web", credential, 1);

        await AssertRefusedAsync(() => Cache.FetchAsync(uuids[0], InstanceCredential.FirstContact(credential, Secret.Generate())));

        Assert.False((await Cache.GetAsync(uuids[0]))!.IsClaimed);
    }

    [Fact]
    public async Task PreRegister_IntoAPoolWithAnotherCredential_ThrowsInvalidInputAndStoresNothing()
    {
        await RegisterPoolAsync("web", Secret.Generate(), 1);
        var uuid = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<InvalidConfigInputException>(
            () => Cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(uuid, Script(), "web", Secret.Generate())));

        Assert.Equal("credentialHash", error.Field);
        Assert.Null(await Cache.GetAsync(uuid));
    }

    [Fact]
    public async Task AssignDynamic_RetriedConcurrentlyWithTheSameTrustKey_ClaimsExactlyOneEntry()
    {
        const int trustKeys = 8;
        const int retriesPerKey = 16;
        var credential = Secret.Generate();
        var uuids = await RegisterPoolAsync("web", credential, trustKeys * 2);

        for (var round = 0; round < trustKeys; round++)
        {
            var trustKey = Secret.Generate();

            // One thread per retry, released together, so the claims overlap even on a two-core machine.
            using var start = new Barrier(retriesPerKey);
            var retries = Enumerable.Range(0, retriesPerKey).Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return Cache.AssignDynamicAsync("web", credential, trustKey);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap()).ToList();
            var answers = await Task.WhenAll(retries);

            // Every retry of one agent's claim gets the one entry handed out next, and only that one is consumed.
            Assert.All(answers, answer => Assert.Equal(uuids[round], answer.Uuid));
            var claimed = (await ListAllAsync()).Where(e => e.IsClaimed).Select(e => e.Uuid).Order().ToList();
            Assert.Equal(uuids.Take(round + 1).Order(), claimed);
        }

        var next = await Cache.AssignDynamicAsync("web", credential, Secret.Generate());
        Assert.Equal(uuids[trustKeys], next.Uuid);
    }

    [Fact]
    public async Task AssignDynamic_ConcurrentClaimers_HandEachEntryOutExactlyOnce()
    {
        var credential = Secret.Generate();
        var registered = new ConcurrentBag<Guid>();
        await Parallel.ForAsync(0, ContendedEntries, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var uuid = Guid.NewGuid();
            await Cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(uuid, Script($"echo {i}"), "storm", credential), ct);
            registered.Add(uuid);
        });
        using var start = new ManualResetEventSlim();

        var claimers = Enumerable.Range(0, ConcurrentClaimers).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var mine = new List<Guid>();
            while (true)
            {
                try
                {
                    mine.Add((await Cache.AssignDynamicAsync("storm", credential, Secret.Generate())).Uuid);
                }
                catch (NoDynamicEntryAvailableException)
                {
                    return mine;
                }
            }
        })).ToList();
        start.Set();
        var claimed = (await Task.WhenAll(claimers)).SelectMany(uuids => uuids).ToList();

        Assert.Equal(ContendedEntries, claimed.Count);
        Assert.Equal(ContendedEntries, claimed.Distinct().Count());
        Assert.Equal(registered.Order(), claimed.Order());
    }
}
