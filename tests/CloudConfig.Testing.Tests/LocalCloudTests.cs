using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using Microsoft.Extensions.Options;

namespace CloudConfig.Testing.Tests;

/// <summary>The one-call fleet: real rendezvous server, real Deltacloud over HTTP, real agents running /bin/sh.</summary>
public sealed class LocalCloudTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly string[] MockInstances = ["inst0", "inst1", "inst2", "inst3"];

    [Fact]
    public async Task StartAsync_Defaults_AgentsConfigureEveryInstanceAndTakeUpdates()
    {
        await using var local = await LocalCloud.StartAsync();

        var started = await Task.WhenAll(new[] { "web", "db" }.Select(role => local.Provisioner.ProvisionAsync(Request(role))));
        var entries = await Task.WhenAll(started.Select(s => local.Provisioner.WaitUntilConfiguredAsync(s.Uuid, Timeout)));
        var updated = await local.Provisioner.UpdateConfigurationAsync(started[0].Uuid, Script("web", "tls=true"), Timeout);

        Assert.Equal(["web", "db"], entries.Select(e => e.Parameters["role"].AsString()));
        Assert.All(started.Zip(entries), pair => Assert.Equal(local.Cloud!.FindInstance(pair.First.InstanceId)!.PrivateAddresses[0], pair.Second.Address));
        Assert.Equal(2L, updated.Status.AppliedGeneration);
        Assert.True(updated.Parameters["tls"].AsBoolean());
        Assert.Equal(2, local.Agents.Started);
        Assert.StartsWith("127.0.0.1:", local.RendezvousAddress, StringComparison.Ordinal);
        Assert.Equal($"http://{local.RendezvousAddress}/", local.RendezvousUrl.AbsoluteUri);
    }

    [Fact]
    public async Task DisposeAsync_OnADeltacloudOfYourOwn_EndsItsInstancesPoolInstancesAndEntries()
    {
        await using var cloud = await MockDriverCloudAsync();
        var local = await LocalCloud.StartAsync(On(cloud));
        var agents = local.Agents;
        await local.Provisioner.ProvisionAsync(Request("web"));
        await local.Provisioner.ProvisionAsync(Request("db"));
        // Launched under a name of its own, as a pool's instances are: no entry leads to it.
        await local.Provisioner.LaunchForPoolAsync(new InstanceLaunchRequest("img1") { Name = "pool-member-1" });
        Assert.Equal(7, cloud.Instances.Count);

        await local.DisposeAsync();

        Assert.Equal(MockInstances, cloud.Instances.Select(i => i.Id).Order());
        Assert.Equal(0, local.Cache.Count);
        Assert.Equal(0, agents.Running);
    }

    [Fact]
    public async Task EndAllAsync_TwiceOrAfterDeprovisioning_FindsNothingLeftAndStaysClean()
    {
        await using var cloud = await MockDriverCloudAsync();
        await using var local = await LocalCloud.StartAsync(On(cloud));
        var kept = await local.Provisioner.ProvisionAsync(Request("web"));
        var ended = await local.Provisioner.ProvisionAsync(Request("db"));
        await local.Provisioner.DeprovisionAsync(ended.Uuid);

        var first = await local.EndAllAsync();
        var second = await local.EndAllAsync();

        Assert.Equal((1, 1, true), (first.InstancesTerminated, first.EntriesRemoved, first.Clean));
        Assert.Equal((0, 0, true), (second.InstancesTerminated, second.EntriesRemoved, second.Clean));
        Assert.Null(cloud.FindInstance(kept.InstanceId));
    }

    [Fact]
    public async Task DisposeAsync_CloudGoneBeforeTheTeardown_ThrowsSayingWhatMayStillRun_AndStopsTheRest()
    {
        var cloud = await MockDriverCloudAsync();
        var local = await LocalCloud.StartAsync(On(cloud, client => client.MaxRetryAttempts = 0));
        var started = await local.Provisioner.ProvisionAsync(Request("web"));
        await cloud.DisposeAsync();

        var error = await Assert.ThrowsAsync<LocalTeardownException>(() => local.DisposeAsync().AsTask());

        Assert.False(error.Report.Clean);
        Assert.Contains(started.Uuid.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Single(error.Report.Failures);
        // The entry is kept, so that a retry could finish; the agents and the server were stopped all the same.
        Assert.Equal(1, local.Cache.Count);
        Assert.Equal(0, local.Agents.Running);
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(local.RendezvousUrl, "v1/health")));
    }

    [Fact]
    public async Task StartAsync_ImpossibleOptions_ListsEveryProblem()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LocalCloud.StartAsync(new LocalCloudOptions
        {
            EmbeddedCloud = false,
            Agents = LocalAgentMode.CloudBootHook,
            CreateFault = _ => EmbeddedCreateFault.None,
        }));

        Assert.Equal(
            [
                "Agents = CloudBootHook needs the embedded cloud (EmbeddedCloud = true); another cloud's boot is not ours to hook: use Launcher.",
                "Without the embedded cloud (EmbeddedCloud = false), ConfigureDeltacloud must name your Deltacloud (BaseUrl, Username, Password).",
                "CreateFault applies to the embedded cloud only (EmbeddedCloud = true).",
            ],
            error.Failures);
    }

    [Fact]
    public async Task StartAsync_BadAppOptions_FailAtStartNotAtTheFirstLaunch()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LocalCloud.StartAsync(new LocalCloudOptions
        {
            ConfigureProvisioning = provisioning => provisioning.MaxParallelism = 0,
        }));

        Assert.Equal(typeof(ProvisioningOptions), error.OptionsType);
        Assert.Contains(error.Failures, f => f.Contains("MaxParallelism", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_ConfigureAgent_ReachesEveryAgent()
    {
        // Every agent runs its configuration with /bin/false instead of /bin/sh: it fails and says so.
        await using var local = await LocalCloud.StartAsync(new LocalCloudOptions { ConfigureAgent = agent => agent.Command = "/bin/false" });

        var started = await local.Provisioner.ProvisionAsync(Request("web"));
        var error = await Assert.ThrowsAsync<ConfigurationFailedException>(() => local.Provisioner.WaitUntilConfiguredAsync(started.Uuid, Timeout));

        Assert.Equal(InstanceState.Failed, error.Entry.Status.State);
    }

    [Fact]
    public async Task StartAsync_NoAgents_InstancesStartButNothingConfiguresThem()
    {
        await using var local = await LocalCloud.StartAsync(new LocalCloudOptions { Agents = LocalAgentMode.None });

        var started = await local.Provisioner.ProvisionAsync(Request("web"));

        Assert.Equal(0, local.Agents.Started);
        Assert.Equal(InstanceState.Registered, (await local.Cache.GetAsync(started.Uuid))!.Status.State);
        Assert.NotNull(local.Cloud!.FindInstance(started.InstanceId)!.UserData);
    }

    internal static ProvisionRequest Request(string role) => new(new InstanceLaunchRequest("img1"), Script(role));

    internal static ConfigurationContent Script(string role, string extra = "") =>
        ConfigurationContent.FromText($"#!/bin/sh\nprintf 'role={role}\\n{extra}\\n' >> \"$CLOUDCONFIG_PARAMETERS_FILE\"\n", "text/x-shellscript");

    // Deltacloud 1.1.3's mock driver: four instances already there, new ones RUNNING at once, nothing boots.
    private static Task<EmbeddedDeltacloud> MockDriverCloudAsync() =>
        EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions { SeedMockInstances = true, PendingDuration = TimeSpan.Zero, AdvertiseUserData = false });

    private static LocalCloudOptions On(EmbeddedDeltacloud cloud, Action<CloudConfig.Deltacloud.DeltacloudClientOptions>? more = null) => new()
    {
        EmbeddedCloud = false,
        ConfigureDeltacloud = client =>
        {
            client.BaseUrl = cloud.ApiUrl;
            client.Username = cloud.Username;
            client.Password = cloud.Password;
            more?.Invoke(client);
        },
    };
}
