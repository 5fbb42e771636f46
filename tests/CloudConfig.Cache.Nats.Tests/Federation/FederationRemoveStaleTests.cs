using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;
using static CloudConfig.Cache.Nats.Tests.Federation.FederationLinkCutTests;

namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>
/// <c>remove_stale</c> on premises across a cut: it judges staleness by the app's view of each cloud, so it leaves a
/// cloud whose link is down alone (its instances' contacts cannot arrive meanwhile) and sweeps the others; once the
/// link is back, the contacts made meanwhile arrive and keep those entries; what it removed is gone on both sides.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class FederationRemoveStaleTests(FederationFixture fixture)
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Timeout = TimeSpan.FromHours(1);

    [Fact]
    public async Task RemoveStale_DuringACut_LeavesTheCutCloudsLiveInstancesAndSweepsTheRest()
    {
        var federation = fixture.Federation;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var prefix = NatsServerFixture.NewPrefix();
        await using var registry = fixture.CreateRegistry(prefix, time, configure: o => o.MirrorStaleAfter = StaleAfter);
        await using var cloudA = fixture.CreateCloudCache(FederationFixture.CloudA, prefix, time, configure: o => o.MirrorStaleAfter = StaleAfter);
        await using var cloudB = fixture.CreateCloudCache(FederationFixture.CloudB, prefix, time);
        var inA = await RegisterAsync(registry, FederationFixture.CloudA, 4);
        var inB = await RegisterAsync(registry, FederationFixture.CloudB, 4);
        await cloudA.GetAsync(Guid.NewGuid());
        await cloudB.GetAsync(Guid.NewGuid());
        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        await federation.SettleAsync(FederationFixture.CloudB, prefix);
        var runningA = await BootAsync(cloudA, inA);
        var runningB = await BootAsync(cloudB, inB);
        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        await federation.SettleAsync(FederationFixture.CloudB, prefix);

        int removedDuringCut;
        federation[FederationFixture.CloudA].Link.Cut();
        try
        {
            await Eventually.TrueAsync(async () => !(await registry.GetLinkStatusAsync(FederationFixture.CloudA)).IsUp, "the registry sees the link down");
            // Two hours on: cloud A's instances keep reporting in their cloud, which the app cannot see yet; cloud B's went quiet.
            time.Advance(TimeSpan.FromHours(2));
            foreach (var (uuid, trustKey) in runningA)
            {
                await cloudA.UpdateCacheAsync(uuid, trustKey, Report("10.2.0.1"));
            }

            await Eventually.TrueAsync(async () => (await registry.GetLinkStatusAsync(FederationFixture.CloudB)).IsUp, "cloud B's link is up");
            removedDuringCut = await registry.RemoveStaleAsync(Timeout);
            foreach (var (uuid, _) in runningA)
            {
                Assert.NotNull(await registry.GetAsync(uuid));
            }
        }
        finally
        {
            federation[FederationFixture.CloudA].Link.Restore();
        }

        await Eventually.TrueAsync(async () => (await registry.GetLinkStatusAsync(FederationFixture.CloudA)).IsUp, "the link is back");
        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        await federation.SettleAsync(FederationFixture.CloudB, prefix);
        var removedOnceBack = await registry.RemoveStaleAsync(Timeout);
        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        await federation.SettleAsync(FederationFixture.CloudB, prefix);

        Assert.Equal(inB.Count, removedDuringCut);
        Assert.Equal(0, removedOnceBack);
        foreach (var (uuid, trustKey) in runningA)
        {
            Assert.Equal("10.2.0.1", (await registry.GetAsync(uuid))!.Address);
            Assert.Equal(1, (await cloudA.FetchAsync(uuid, InstanceCredential.Trusted(trustKey))).Generation);
        }

        foreach (var (uuid, trustKey) in runningB)
        {
            Assert.Null(await registry.GetAsync(uuid));
            Assert.Null(await cloudB.GetAsync(uuid));
            await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => cloudB.FetchAsync(uuid, InstanceCredential.Trusted(trustKey)));
        }
    }
}
