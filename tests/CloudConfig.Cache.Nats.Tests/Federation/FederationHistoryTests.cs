using System.Diagnostics;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>
/// A mirrored bucket keeps every revision until the mirror has it (a nats-server 2.9 mirror refuses a revision
/// whose predecessor it never received, and would stop), then drops the older ones.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class FederationHistoryTests(FederationFixture fixture)
{
    [Fact]
    public async Task UpdatesDuringAnOutage_AreKeptUntilMirroredThenCompacted()
    {
        var federation = fixture.Federation;
        var prefix = NatsServerFixture.NewPrefix();
        await using var registry = fixture.CreateRegistry(prefix);
        await using var cloud = fixture.CreateCloudCache(FederationFixture.CloudA, prefix);
        var (uuid, trust) = await RegisterAndClaimAsync(registry, cloud, prefix);
        var entries = $"KV_{prefix}-entries";
        var onPremises = federation.OnPremisesProbe(FederationFixture.CloudA);

        federation[FederationFixture.CloudA].Link.Cut();
        try
        {
            await federation.WaitUntilLinkedAsync(1);
            for (var generation = 2; generation <= 6; generation++)
            {
                await registry.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText($"v{generation}"));
            }

            var keptWhileCut = (await onPremises.GetStreamAsync(entries)).Info.State.Messages;
            Assert.Equal(6, keptWhileCut);
        }
        finally
        {
            federation[FederationFixture.CloudA].Link.Restore();
        }

        await federation.WaitUntilLinkedAsync(2);
        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        var fetched = await cloud.FetchAsync(uuid, InstanceCredential.Trusted(trust));
        await Eventually.TrueAsync(async () => (await onPremises.GetStreamAsync(entries)).Info.State.Messages == 1, "the older revisions are dropped");

        Assert.Equal(6, fetched.Generation);
        Assert.Equal("v6", fetched.Configuration.AsText());
    }

    [Fact]
    public async Task UpdatesInQuickSuccessionWhileCompacting_NeverStopTheMirror()
    {
        var federation = fixture.Federation;
        var prefix = NatsServerFixture.NewPrefix();
        await using var registry = fixture.CreateRegistry(prefix);
        await using var cloud = fixture.CreateCloudCache(FederationFixture.CloudA, prefix);
        var (uuid, trust) = await RegisterAndClaimAsync(registry, cloud, prefix);

        // Several compaction rounds (one every 2 s) while one key changes every few milliseconds: each round finds
        // revisions written after the mirror's progress it read, which must survive until the mirror has them.
        var generation = 1L;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(7))
        {
            generation = (await registry.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("v" + (generation + 1)))).Generation;
        }

        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        var fetched = await cloud.FetchAsync(uuid, InstanceCredential.Trusted(trust));

        Assert.Equal(generation, fetched.Generation);
        Assert.Equal("v" + generation, fetched.Configuration.AsText());
    }

    /// <summary>An entry registered on premises at generation 1 ("v1"), there in the cloud, and claimed there.</summary>
    private async Task<(Guid Uuid, Secret TrustKey)> RegisterAndClaimAsync(FederatedConfigRegistry registry, NatsConfigCache cloud, string prefix)
    {
        var (uuid, boot, trust) = (Guid.NewGuid(), Secret.Generate(), Secret.Generate());
        await registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("v1"), boot) with { Domain = FederationFixture.CloudA });
        await cloud.GetAsync(uuid);
        await fixture.Federation.SettleAsync(FederationFixture.CloudA, prefix);
        await cloud.FetchAsync(uuid, InstanceCredential.FirstContact(boot, trust));
        return (uuid, trust);
    }
}
