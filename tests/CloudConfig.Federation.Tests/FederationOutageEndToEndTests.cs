using System.Diagnostics;
using CloudConfig.Cache.Nats;
using CloudConfig.Core;
using Xunit.Abstractions;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// 200 instances provisioned by the app on premises into two clouds (20 of them agent processes, each in a namespace
/// of its own, reporting its own interface's address), while the link to one cloud is cut for 30 seconds and
/// registrations, reports (in both clouds), an update and removals go on: when it returns, nothing is lost on either side.
/// </summary>
[Collection(FederatedDeploymentCollection.Name)]
public sealed partial class FederationOutageEndToEndTests(FederatedDeployment deployment, ITestOutputHelper output)
{
    private const string CutCloud = "cloud-a";
    private const string OtherCloud = "cloud-b";
    private const int PoolEntries = 20;
    private const int PoolClaimers = 30;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReportDeadline = TimeSpan.FromMinutes(3);

    /// <summary>Twice the time a site takes to notice a silent cut (<see cref="NatsStoreOptions.MirrorStaleAfter"/>).</summary>
    private static readonly TimeSpan BootDelay = 2 * new NatsConfigCacheOptions().MirrorStaleAfter;

    [Fact]
    public async Task TwoHundredInstances_AcrossAThirtySecondLinkCut_LoseNothingAndClaimNothingTwice()
    {
        var fleet = new Fleet(deployment);
        var early = new List<FleetInstance>();
        foreach (var cloud in FederatedDeployment.CloudDomains)
        {
            early.AddRange(await fleet.ProvisionAsync(cloud, processes: 5, inProcess: 35, phase: "early"));
        }

        await fleet.WaitUntilReportedAsync(early, ReportDeadline);
        var pool = await RegisterPoolAsync();
        var updated = early.First(i => i.Cloud == CutCloud && i.IsProcess);
        var updatedElsewhere = early.First(i => i.Cloud == OtherCloud && i.IsProcess);
        var removed = early.Where(i => !i.IsProcess).GroupBy(i => i.Cloud).SelectMany(g => g.Take(5)).ToList();
        List<FleetInstance> late = [];
        IReadOnlyList<(Guid Uuid, Secret TrustKey)> claimed = [];

        await deployment.Network.CutAsync(CutCloud);
        var cutAt = Stopwatch.GetTimestamp();
        try
        {
            // The app sees the link down, and how stale its view of that cloud is; the other link is up.
            var down = await WaitForLinkAsync(CutCloud, up: false);
            Assert.True(down.SinceLastContact >= new FederatedConfigRegistryOptions().MirrorStaleAfter, $"down after {down.SinceLastContact}");
            Assert.True((await deployment.Registry.GetLinkStatusAsync(OtherCloud)).IsUp);

            // On premises everything goes on: the reports already in (read from the local mirror), an update, removals, registrations.
            foreach (var instance in early)
            {
                Assert.True(Fleet.IsReported(instance, await deployment.Registry.GetAsync(instance.Uuid)), $"{instance} unreadable during the outage");
            }

            foreach (var instance in new[] { updated, updatedElsewhere })
            {
                await deployment.Registry.UpdateConfigurationAsync(instance.Uuid, Fleet.Script(instance.Cloud, "updated-during-the-outage"));
                instance.ExpectedGeneration = 2;
            }

            foreach (var instance in removed)
            {
                await fleet.DeprovisionAsync(instance);
            }

            // Instances take a while to boot; by then the cloud knows it is cut off too, and answers "try again" rather than "no such entry".
            while (Stopwatch.GetElapsedTime(cutAt) < BootDelay)
            {
                Assert.False((await deployment.Registry.GetLinkStatusAsync(CutCloud)).IsUp);
                await Task.Delay(200);
            }

            foreach (var cloud in FederatedDeployment.CloudDomains)
            {
                late.AddRange(await fleet.ProvisionAsync(cloud, processes: 5, inProcess: 55, phase: "late"));
            }

            // The other cloud keeps working through its own link: its new instances configure, its update is applied.
            await fleet.WaitUntilReportedAsync(fleet.Live.Where(i => i.Cloud == OtherCloud), ReportDeadline);

            // A pool registered before the cut is claimed in the cut cloud meanwhile, by more claimers than entries,
            // and each winner reports there: reports made in the cut cloud wait for the link.
            claimed = await ClaimRaceAsync(pool);

            // Nothing crosses the cut link for the rest of the outage: the update waits, the new instances cannot claim.
            var waitingInTheCutCloud = late.Where(i => i.Cloud == CutCloud).Take(10).Append(updated).ToList();
            while (Stopwatch.GetElapsedTime(cutAt) < Outage)
            {
                foreach (var instance in waitingInTheCutCloud)
                {
                    var entry = await deployment.Registry.GetAsync(instance.Uuid);
                    Assert.False(Fleet.IsReported(instance, entry), $"{instance} reported across a cut link");
                }

                await Task.Delay(500);
            }
        }
        finally
        {
            await deployment.Network.RestoreAsync(CutCloud);
        }

        var restoredAt = Stopwatch.GetTimestamp();
        await fleet.WaitUntilReportedAsync(fleet.Live, ReportDeadline);
        var caughtUpAfter = Stopwatch.GetElapsedTime(restoredAt);
        await WaitForLinkAsync(CutCloud, up: true);

        output.WriteLine($"Link to {CutCloud} cut for {Stopwatch.GetElapsedTime(cutAt, restoredAt).TotalSeconds:0.0} s; every instance reported {caughtUpAfter.TotalSeconds:0.0} s after it returned.");
        output.WriteLine($"{fleet.All.Count} instances provisioned ({fleet.All.Count(i => i.IsProcess)} agent processes), {removed.Count} removed, {late.Count} provisioned during the outage.");
        Assert.Equal(200, fleet.All.Count);
        Assert.Equal(20, fleet.All.Count(i => i.IsProcess));
        Assert.True(caughtUpAfter < ReportDeadline, $"caught up after {caughtUpAfter}");
        await AssertNothingLostAsync(fleet);
        await AssertClaimedOnceAsync(pool, claimed);
        await AssertStayRemovedAsync(removed);
    }

    /// <summary>
    /// 0 registrations lost and 0 reports lost: every live instance's entry is there on premises and in its cloud,
    /// with its final report on both sides. Nothing claimed twice: each entry was claimed by one instance, with no
    /// replayed boot secret, and every instance reported under a uuid of its own.
    /// </summary>
    private async Task AssertNothingLostAsync(Fleet fleet)
    {
        var views = deployment.Clouds.ToDictionary(c => c.Domain, c => c.CreateCloudView());
        try
        {
            foreach (var instance in fleet.Live)
            {
                var onPremises = await deployment.Registry.GetAsync(instance.Uuid);
                var inCloud = await views[instance.Cloud].GetAsync(instance.Uuid);
                Assert.True(Fleet.IsReported(instance, onPremises), $"{instance} lost on premises");
                Assert.True(Fleet.IsReported(instance, inCloud), $"{instance} lost in its cloud");
                Assert.True(onPremises!.IsClaimed);
                Assert.Equal(0, onPremises.BootSecretReplays);
                Assert.Equal(instance.Cloud, onPremises.Domain);
            }

            var reportedUuids = fleet.Live.Select(i => i.Uuid).Distinct().Count();
            Assert.Equal(fleet.Live.Count(), reportedUuids);
        }
        finally
        {
            foreach (var view in views.Values)
            {
                await view.DisposeAsync();
            }
        }
    }

    /// <summary>Removed entries are gone on both sides once the link is back, and stay gone after everything has been carried over again.</summary>
    private async Task AssertStayRemovedAsync(IReadOnlyList<FleetInstance> removed)
    {
        var views = deployment.Clouds.ToDictionary(c => c.Domain, c => c.CreateCloudView());
        try
        {
            var started = Stopwatch.GetTimestamp();
            foreach (var instance in removed)
            {
                while (await views[instance.Cloud].GetAsync(instance.Uuid) is not null)
                {
                    Assert.True(Stopwatch.GetElapsedTime(started) < ReportDeadline, $"{instance} still in its cloud after {ReportDeadline}");
                    await Task.Delay(250);
                }
            }

            // One more round trip over every link (a registration made now is visible in its cloud), then look again.
            foreach (var cloud in deployment.Clouds)
            {
                var marker = Guid.NewGuid();
                await deployment.Registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(marker, ConfigurationContent.FromText("echo marker"), Secret.Generate()) with { Domain = cloud.Domain });
                while (await views[cloud.Domain].GetAsync(marker) is null)
                {
                    Assert.True(Stopwatch.GetElapsedTime(started) < ReportDeadline, $"the marker did not reach {cloud.Domain}");
                    await Task.Delay(100);
                }

                await deployment.Registry.RemoveAsync(marker);
            }

            foreach (var instance in removed)
            {
                Assert.Null(await deployment.Registry.GetAsync(instance.Uuid));
                Assert.Null(await views[instance.Cloud].GetAsync(instance.Uuid));
            }
        }
        finally
        {
            foreach (var view in views.Values)
            {
                await view.DisposeAsync();
            }
        }
    }

    private async Task<CloudLinkStatus> WaitForLinkAsync(string cloud, bool up)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var status = await deployment.Registry.GetLinkStatusAsync(cloud);
            if (status.IsUp == up)
            {
                return status;
            }

            Assert.True(Stopwatch.GetElapsedTime(started) < ReportDeadline, $"the link to {cloud} was not {(up ? "up" : "down")} within {ReportDeadline}: {status}");
            await Task.Delay(200);
        }
    }
}
