using System.Diagnostics;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;

namespace CloudConfig.Federation.Tests;

// The dynamic pool of the outage test: registered before the cut, raced for in the cut cloud during it.
public sealed partial class FederationOutageEndToEndTests
{
    /// <summary>A dynamic pool in the cut cloud, registered on premises and there in the cloud before the cut.</summary>
    private async Task<DynamicPoolRegistration> RegisterPoolAsync()
    {
        var pool = await deployment.ProvisionerFor(CutCloud).RegisterDynamicPoolAsync(
            "web", [.. Enumerable.Range(0, PoolEntries).Select(i => Fleet.Script(CutCloud, $"pool-{i}"))]);
        await using var view = deployment[CutCloud].CreateCloudView();
        var started = Stopwatch.GetTimestamp();
        foreach (var uuid in pool.Uuids)
        {
            while (await view.GetAsync(uuid) is null)
            {
                Assert.True(Stopwatch.GetElapsedTime(started) < ReportDeadline, $"the pool did not reach {CutCloud}");
                await Task.Delay(100);
            }
        }

        return pool;
    }

    /// <summary>
    /// More claimers than entries race for the pool at the cut cloud's rendezvous server (https, pinned, from the pool
    /// namespace), while its link is cut: each entry goes to one claimer, the rest are told the pool is empty. Each
    /// winner then reports (its claim's uuid as a parameter), in the cut cloud.
    /// </summary>
    private async Task<IReadOnlyList<(Guid Uuid, Secret TrustKey)>> ClaimRaceAsync(DynamicPoolRegistration pool)
    {
        var site = deployment[CutCloud];
        using var client = new RendezvousInstanceClient(
            new Uri($"https://127.0.0.1:{site.PoolForwarder.Port}/"),
            new RendezvousInstanceClientOptions { PinnedCertificate = site.Certificate.Fingerprint });
        var outcomes = await Task.WhenAll(Enumerable.Range(0, PoolClaimers).Select(async _ =>
        {
            var trustKey = Secret.Generate();
            try
            {
                return ((Guid Uuid, Secret TrustKey)?)((await client.AssignDynamicAsync(pool.Pool, pool.Credential, trustKey)).Uuid, trustKey);
            }
            catch (NoDynamicEntryAvailableException)
            {
                return null;
            }
        }));
        var claimed = outcomes.OfType<(Guid Uuid, Secret TrustKey)>().ToList();
        Assert.Equal(PoolEntries, claimed.Count);
        Assert.Equal(PoolClaimers - PoolEntries, outcomes.Count(o => o is null));
        Assert.Equal(pool.Uuids.Order(), claimed.Select(c => c.Uuid).Order());
        foreach (var (uuid, trustKey) in claimed)
        {
            await client.UpdateCacheAsync(uuid, trustKey, ClaimReport(uuid));
        }

        return claimed;
    }

    private static InstanceReport ClaimReport(Guid uuid) => new(new InstanceStatus(InstanceState.Configured, 0))
    {
        Parameters = new Dictionary<string, ParameterValue> { ["claimed_during_outage"] = uuid.ToString() },
    };

    /// <summary>
    /// Back on premises, every pool entry shows one claim, the one the cloud decided during the outage, and the report
    /// its claimer made there meanwhile.
    /// </summary>
    private async Task AssertClaimedOnceAsync(DynamicPoolRegistration pool, IReadOnlyList<(Guid Uuid, Secret TrustKey)> claimed)
    {
        Assert.Equal(claimed.Count, claimed.Select(c => c.Uuid).Distinct().Count());
        var started = Stopwatch.GetTimestamp();
        foreach (var uuid in pool.Uuids)
        {
            while (await deployment.Registry.GetAsync(uuid) is not { IsClaimed: true, Status.State: InstanceState.Configured } entry
                || entry.BootSecretReplays != 0
                || entry.Parameters.GetValueOrDefault("claimed_during_outage") != ClaimReport(uuid).Parameters["claimed_during_outage"])
            {
                Assert.True(Stopwatch.GetElapsedTime(started) < ReportDeadline, $"pool entry {uuid} not claimed and reported on premises");
                await Task.Delay(100);
            }
        }

        foreach (var uuid in pool.Uuids)
        {
            await deployment.Registry.RemoveAsync(uuid);
        }
    }
}
