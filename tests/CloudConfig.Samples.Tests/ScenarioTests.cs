using CloudConfig.Core;
using CloudConfig.Samples.Shared;
using CloudConfig.Testing;

namespace CloudConfig.Samples.Tests;

public sealed class ScenarioTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task QuickStartScenario_OnEmbeddedCloud_ConfiguresThreeRolesThenAppliesTheUpdate()
    {
        await using var local = await LocalCloud.StartAsync();

        var result = await new QuickStartScenario(local.Provisioner, new SampleLaunch(), Timeout).RunAsync();

        Assert.Equal(["web", "db", "cache"], result.Instances.Select(r => r.Role));
        Assert.All(result.Instances, row =>
        {
            Assert.Equal(InstanceState.Configured, row.Entry.Status.State);
            Assert.Equal(local.Cloud!.FindInstance(row.InstanceId)!.PrivateAddresses[0], row.Entry.Address);
        });
        Assert.Equal(5432L, result.Instances[1].Entry.Parameters["port"].AsInteger());
        Assert.Equal("postgres", result.Instances[1].Entry.Parameters["engine"].AsString());

        Assert.Equal(result.Instances[0].Uuid, result.Updated.Uuid);
        Assert.Equal(2L, result.Updated.Entry.Status.AppliedGeneration);
        Assert.True(result.Updated.Entry.Parameters["tls"].AsBoolean());
        Assert.Equal(443L, result.Updated.Entry.Parameters["port"].AsInteger());
        var stored = await local.Cache.GetAsync(result.Updated.Uuid);
        Assert.Equal(2L, stored!.Generation);
    }

    [Fact]
    public async Task DynamicPoolScenario_OnEmbeddedCloud_EveryEntryClaimedExactlyOnceAndConfigured()
    {
        await using var local = await LocalCloud.StartAsync();

        var result = await new DynamicPoolScenario(local, new SampleLaunch(), Timeout).RunAsync(12);

        Assert.Equal(12, result.Claims.Count);
        Assert.Equal(12, result.Claims.Select(c => c.InstanceId).Distinct().Count());
        Assert.All(result.Claims, claim =>
        {
            Assert.Equal(InstanceState.Configured, claim.Entry.Entry.Status.State);
            Assert.True(claim.Entry.Entry.IsClaimed);
            Assert.Equal(claim.Slot, claim.Entry.Entry.Parameters["slot"].AsInteger());
            // Started without user data: the agent had only what the image carries.
            Assert.Null(local.Cloud!.FindInstance(claim.InstanceId)!.UserData);
        });
        Assert.Empty(local.Agents.Failures);
    }
}
