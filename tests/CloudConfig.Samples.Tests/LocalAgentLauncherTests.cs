using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using CloudConfig.Samples.Shared;
using CloudConfig.Testing;

namespace CloudConfig.Samples.Tests;

/// <summary>The QuickStart scenario on clouds that boot nothing: the agents are started by the launcher instead.</summary>
public sealed class LocalAgentLauncherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LaunchAsync_CloudBootsNothing_LocalAgentsDoTheConfiguring()
    {
        // Like Deltacloud's mock driver: instances are created over the real API, but nothing boots.
        await using var local = await LocalCloud.StartAsync(new LocalCloudOptions { Agents = LocalAgentMode.Launcher });

        var result = await new QuickStartScenario(local.Provisioner, new SampleLaunch(), Timeout).RunAsync();

        Assert.Equal(3, local.Agents.Started);
        Assert.Equal(3, local.Cloud!.Instances.Count);
        Assert.All(result.Instances, row =>
        {
            Assert.Equal(InstanceState.Configured, row.Entry.Status.State);
            Assert.Equal(local.Cloud.FindInstance(row.InstanceId)!.PrivateAddresses[0], row.Entry.Address);
        });
        Assert.Equal(2L, result.Updated.Entry.Status.AppliedGeneration);
    }

    [Fact]
    public async Task QuickStartScenario_ExternalDeltacloudLikeTheMockDriver_LocalAgentsConfigure()
    {
        // What --deltacloud-url does: no embedded cloud in LocalCloud, a separate server that boots nothing and,
        // like the real mock driver, does not advertise user_data.
        await using var external = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions { AdvertiseUserData = false });
        await using var local = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            EmbeddedCloud = false,
            ConfigureDeltacloud = client =>
            {
                client.BaseUrl = external.ApiUrl;
                client.Username = external.Username;
                client.Password = external.Password;
            },
        });

        var result = await new QuickStartScenario(local.Provisioner, new SampleLaunch(), Timeout).RunAsync();

        Assert.Null(local.Cloud);
        Assert.Equal(3, external.Instances.Count);
        Assert.Equal(3, local.Agents.Started);
        Assert.All(result.Instances, row => Assert.Equal(InstanceState.Configured, row.Entry.Status.State));
        Assert.Equal(2L, result.Updated.Entry.Status.AppliedGeneration);
    }
}
