using System.Diagnostics.Metrics;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>
/// A cloud's link cut and restored while both sides keep working: the app registers, updates and removes on
/// premises, the cloud's instances keep reporting and claiming; afterwards nothing is lost, nothing claimed twice,
/// and removed entries stay removed on both sides. The other cloud never notices.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class FederationLinkCutTests(FederationFixture fixture)
{
    // Short, so the test sees the cut soon; long enough that a busy machine delaying a heartbeat (one a second) does
    // not make a working link look cut.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task LinkCutAndRestored_EverythingDoneMeanwhileArrivesOnBothSidesAndRemovalsHold()
    {
        var federation = fixture.Federation;
        var prefix = NatsServerFixture.NewPrefix();
        await using var registry = fixture.CreateRegistry(prefix, configure: o => o.MirrorStaleAfter = StaleAfter);
        await using var cloudA = fixture.CreateCloudCache(FederationFixture.CloudA, prefix, configure: o => o.MirrorStaleAfter = StaleAfter);
        await using var cloudB = fixture.CreateCloudCache(FederationFixture.CloudB, prefix);
        var poolCredential = Secret.Generate();
        var before = await RegisterAsync(registry, FederationFixture.CloudA, 12);
        var pool = await RegisterPoolAsync(registry, poolCredential, 8);
        await cloudA.GetAsync(Guid.NewGuid());
        await cloudB.GetAsync(Guid.NewGuid());
        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        var running = await BootAsync(cloudA, before);
        var claimedBefore = await ClaimAsync(cloudA, poolCredential, 3);
        var (updated, removed) = (running[0], running[1]);
        var poll = cloudA.WaitForUpdateAsync(updated.Uuid, updated.TrustKey, 1, TimeSpan.FromMinutes(5));
        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        await Eventually.TrueAsync(async () => (await registry.GetLinkStatusAsync(FederationFixture.CloudA)).IsUp, "the link is up");

        federation[FederationFixture.CloudA].Link.Cut();
        await Eventually.TrueAsync(async () => !(await registry.GetLinkStatusAsync(FederationFixture.CloudA)).IsUp, "the registry sees the link down");
        var duringOutage = await RegisterAsync(registry, FederationFixture.CloudA, 15);
        var forCloudB = await RegisterAsync(registry, FederationFixture.CloudB, 3);
        await registry.UpdateConfigurationAsync(updated.Uuid, ConfigurationContent.FromText("generation 2"));
        Assert.True(await registry.RemoveAsync(removed.Uuid));
        // The app still reads what it knew.
        Assert.Equal("10.0.0.2", (await registry.GetAsync(running[2].Uuid))!.Address);
        // The cloud carries on with what it has: reports (several per instance) and claims.
        foreach (var round in new[] { 1, 2, 3 })
        {
            foreach (var instance in running.Skip(2))
            {
                await cloudA.UpdateCacheAsync(instance.Uuid, instance.TrustKey, Report($"10.1.{round}.{running.IndexOf(instance)}"));
            }
        }

        var claimedDuring = await ClaimAsync(cloudA, poolCredential, 3);
        // An entry registered during the outage has not reached the cloud: "try again", never "no such entry".
        await Assert.ThrowsAsync<ConfigCacheUnavailableException>(
            () => cloudA.FetchAsync(duringOutage[0].Uuid, InstanceCredential.FirstContact(duringOutage[0].BootSecret, Secret.Generate())));
        var statusWhileDown = await registry.GetLinkStatusAsync(FederationFixture.CloudA);
        await Eventually.TrueAsync(async () => (await registry.GetLinkStatusAsync(FederationFixture.CloudB)).IsUp, "cloud B's link is up meanwhile");

        federation[FederationFixture.CloudA].Link.Restore();
        await Eventually.TrueAsync(async () => (await registry.GetLinkStatusAsync(FederationFixture.CloudA)).IsUp, "the link is back");
        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        await federation.SettleAsync(FederationFixture.CloudB, prefix);

        Assert.False(statusWhileDown.IsUp);
        Assert.True(statusWhileDown.SinceLastContact >= StaleAfter);
        // Registrations made during the outage are all there for their instances, in their own cloud.
        var bootedLater = await BootAsync(cloudA, duringOutage);
        Assert.Equal(duringOutage.Count, bootedLater.Count);
        Assert.Equal(forCloudB.Count, (await BootAsync(cloudB, forCloudB)).Count);
        // The update reached the running agent's long poll.
        var update = await poll.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, update!.Generation);
        Assert.Equal("generation 2", update.Configuration.AsText());
        // Every report made during the outage is on premises now.
        foreach (var instance in running.Skip(2))
        {
            Assert.Equal($"10.1.3.{running.IndexOf(instance)}", (await registry.GetAsync(instance.Uuid))!.Address);
        }

        // Claims on both sides of the outage: each entry once, all seen on premises.
        var claimed = claimedBefore.Concat(claimedDuring).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.All(claimed, uuid => Assert.Contains(uuid, pool));
        foreach (var uuid in claimed)
        {
            Assert.True((await registry.GetAsync(uuid))!.IsClaimed);
        }

        // The removed entry is gone on both sides, and its instance is refused.
        Assert.Null(await registry.GetAsync(removed.Uuid));
        Assert.Null(await cloudA.GetAsync(removed.Uuid));
        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => cloudA.FetchAsync(removed.Uuid, InstanceCredential.Trusted(removed.TrustKey)));
        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        Assert.Null(await registry.GetAsync(removed.Uuid));
        Assert.Null(await cloudA.GetAsync(removed.Uuid));
    }

    [Fact]
    public async Task LinkGauges_ReportEachCloudAndTheCutOne()
    {
        var prefix = NatsServerFixture.NewPrefix();
        using var listener = new MeterListener();
        var up = new Dictionary<string, long>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FederatedConfigRegistry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        var age = new Dictionary<string, double>();
        var pending = new Dictionary<string, long>();
        static string DomainOf(ReadOnlySpan<KeyValuePair<string, object?>> tags) => (string)tags.ToArray().Single(t => t.Key == "domain").Value!;
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "cloudconfig.federation.link.up")
            {
                up[DomainOf(tags)] = value;
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "cloudconfig.federation.link.since_last_contact")
            {
                age[DomainOf(tags)] = value;
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "cloudconfig.federation.link.pending")
            {
                pending[DomainOf(tags)] = value;
            }
        });
        listener.Start();
        await using var registry = fixture.CreateRegistry(prefix, configure: o => o.MirrorStaleAfter = StaleAfter);
        await using var cloudA = fixture.CreateCloudCache(FederationFixture.CloudA, prefix);
        await using var cloudB = fixture.CreateCloudCache(FederationFixture.CloudB, prefix);
        await cloudA.GetAsync(Guid.NewGuid());
        await cloudB.GetAsync(Guid.NewGuid());
        await Eventually.TrueAsync(async () => (await registry.GetLinkStatusAsync(FederationFixture.CloudA)).IsUp && (await registry.GetLinkStatusAsync(FederationFixture.CloudB)).IsUp, "both links are up");
        listener.RecordObservableInstruments();
        var bothUp = new Dictionary<string, long>(up);
        var ageBothUp = new Dictionary<string, double>(age);

        fixture.Federation[FederationFixture.CloudB].Link.Cut();
        try
        {
            await Eventually.TrueAsync(async () => !(await registry.GetLinkStatusAsync(FederationFixture.CloudB)).IsUp, "cloud B's link is seen down");
            listener.RecordObservableInstruments();
        }
        finally
        {
            fixture.Federation[FederationFixture.CloudB].Link.Restore();
        }

        Assert.Equal(1, bothUp[FederationFixture.CloudA]);
        Assert.Equal(1, bothUp[FederationFixture.CloudB]);
        Assert.Equal(1, up[FederationFixture.CloudA]);
        Assert.Equal(0, up[FederationFixture.CloudB]);
        // How stale the app's view of each cloud is: fresh while up, at least the cut's detection time once cut.
        Assert.All(ageBothUp.Values, seconds => Assert.InRange(seconds, 0, StaleAfter.TotalSeconds));
        Assert.True(age[FederationFixture.CloudB] >= StaleAfter.TotalSeconds, $"the cut cloud's view is {age[FederationFixture.CloudB]} s old");
        Assert.Equal([FederationFixture.CloudA, FederationFixture.CloudB], pending.Keys.Order());
        Assert.All(pending.Values, records => Assert.True(records >= 0));
        await fixture.Federation.WaitUntilLinkedAsync(2);
    }

    internal static InstanceReport Report(string address) =>
        new(new InstanceStatus(InstanceState.Configured, 0)) { Address = address, Parameters = new Dictionary<string, ParameterValue> { ["address"] = address } };

    internal static async Task<List<(Guid Uuid, Secret BootSecret)>> RegisterAsync(FederatedConfigRegistry registry, string domain, int count)
    {
        var registered = new List<(Guid, Secret)>();
        for (var i = 0; i < count; i++)
        {
            var (uuid, secret) = (Guid.NewGuid(), Secret.Generate());
            await registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText($"echo {i}"), secret) with { Domain = domain });
            registered.Add((uuid, secret));
        }

        return registered;
    }

    private static async Task<List<Guid>> RegisterPoolAsync(FederatedConfigRegistry registry, Secret credential, int count)
    {
        var uuids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var uuid = Guid.NewGuid();
            await registry.PreRegisterAsync(ConfigRegistration.ForDynamicPool(uuid, ConfigurationContent.FromText($"echo {i}"), "workers", credential) with { Domain = FederationFixture.CloudA });
            uuids.Add(uuid);
        }

        return uuids;
    }

    /// <summary>Every registered instance makes first contact and reports its address, as a booted agent would.</summary>
    internal static async Task<List<(Guid Uuid, Secret TrustKey)>> BootAsync(NatsConfigCache cloud, List<(Guid Uuid, Secret BootSecret)> registered)
    {
        var running = new List<(Guid, Secret)>();
        for (var i = 0; i < registered.Count; i++)
        {
            var (uuid, bootSecret) = registered[i];
            var trustKey = Secret.Generate();
            await cloud.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
            await cloud.UpdateCacheAsync(uuid, trustKey, Report($"10.0.0.{i}"));
            running.Add((uuid, trustKey));
        }

        return running;
    }

    private static async Task<List<Guid>> ClaimAsync(NatsConfigCache cloud, Secret credential, int count)
    {
        var claimed = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            claimed.Add((await cloud.AssignDynamicAsync("workers", credential, Secret.Generate())).Uuid);
        }

        return claimed;
    }
}
