using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using CloudConfig.Samples.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudConfig.Samples.Tests;

public sealed class LocalAgentLauncherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LaunchAsync_CloudBootsNothing_LocalAgentsDoTheConfiguring()
    {
        // Like Deltacloud's mock driver: instances are created over the real API, but nothing boots.
        await using var local = await LocalCloud.StartAsync(new LocalCloudOptions { BootAgents = false });
        await using var services = local.CreateAppServices(runAgentsLocally: true);
        Assert.IsType<LocalAgentLauncher>(services.GetRequiredService<IInstanceLauncher>());

        var result = await new QuickStartScenario(services.GetRequiredService<ConfigProvisioner>(), new SampleLaunch(), Timeout).RunAsync();

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
        await using var local = await LocalCloud.StartAsync(new LocalCloudOptions { EmbeddedCloud = false });
        await using var services = local.CreateAppServices(
            client =>
            {
                client.BaseUrl = external.ApiUrl;
                client.Username = external.Username;
                client.Password = external.Password;
            },
            runAgentsLocally: true);

        var result = await new QuickStartScenario(services.GetRequiredService<ConfigProvisioner>(), new SampleLaunch(), Timeout).RunAsync();

        Assert.Null(local.Cloud);
        Assert.Equal(3, external.Instances.Count);
        Assert.Equal(3, local.Agents.Started);
        Assert.All(result.Instances, row => Assert.Equal(InstanceState.Configured, row.Entry.Status.State));
        Assert.Equal(2L, result.Updated.Entry.Status.AppliedGeneration);
    }

    [Fact]
    public async Task LaunchAsync_CloudBootsNothingAndNoDecorator_NoAgentRunsAndTheEntryWaits()
    {
        await using var local = await LocalCloud.StartAsync(new LocalCloudOptions { BootAgents = false });
        await using var services = local.CreateAppServices();
        var provisioner = services.GetRequiredService<ConfigProvisioner>();

        var provisioned = await provisioner.ProvisionAsync(new ProvisionRequest(new SampleLaunch().ToRequest(), SampleConfigurations.ForRole("web")));

        // The control for the test above: here nothing would ever configure the entry.
        Assert.Equal(0, local.Agents.Started);
        var entry = await local.Cache.GetAsync(provisioned.Uuid);
        Assert.Equal(InstanceState.Registered, entry!.Status.State);
        Assert.NotNull(local.Cloud!.FindInstance(provisioned.InstanceId)!.UserData);
    }

    [Fact]
    public async Task LaunchAsync_InnerLauncherReportsError_StartsNoAgent()
    {
        await using var agents = new LocalAgents();
        var launcher = new LocalAgentLauncher(new FixedLauncher(new LaunchedInstance("i-1", "ERROR")), agents);

        var instance = await launcher.LaunchAsync(new InstanceLaunchRequest("img1") { UserData = "not used" });

        Assert.Equal("i-1", instance.InstanceId);
        Assert.Equal(0, agents.Started);
    }

    [Fact]
    public async Task LaunchAsync_NoUserDataAndNoPool_StartsNoAgent()
    {
        await using var agents = new LocalAgents();
        var launcher = new LocalAgentLauncher(new FixedLauncher(new LaunchedInstance("i-1", "RUNNING")), agents);

        await launcher.LaunchAsync(new InstanceLaunchRequest("img1"));

        Assert.Equal(0, agents.Started);
    }

    [Fact]
    public async Task TerminateAsync_StopsTheAgentThenTerminatesInTheCloud()
    {
        await using var local = await LocalCloud.StartAsync(new LocalCloudOptions { BootAgents = false });
        var inner = new FixedLauncher(new LaunchedInstance("i-7", "RUNNING") { PrivateAddresses = ["10.9.9.9"] });
        var launcher = new LocalAgentLauncher(inner, local.Agents);
        var provisioner = new ConfigProvisioner(local.Cache, launcher, Options.Create(new ProvisioningOptions
        {
            RendezvousAddress = local.RendezvousAddress,
            StatusPollInterval = TimeSpan.FromMilliseconds(50),
        }));
        var provisioned = await provisioner.ProvisionAsync(new ProvisionRequest(new SampleLaunch().ToRequest(), SampleConfigurations.ForRole("db")));

        var entry = await provisioner.WaitUntilConfiguredAsync(provisioned.Uuid, Timeout);
        await launcher.TerminateAsync("i-7");

        Assert.Equal("10.9.9.9", entry.Address);
        Assert.Equal(["i-7"], inner.Terminated);
        Assert.Empty(local.Agents.Failures);
    }

    [Fact]
    public async Task RunAgentsLocally_NoLauncherRegistered_ThrowsNamingTheFix()
    {
        await using var agents = new LocalAgents();
        var builder = new ServiceCollection().AddCloudConfig(o => o.RendezvousAddress = "127.0.0.1:1");

        var error = Assert.Throws<InvalidOperationException>(() => builder.RunAgentsLocally(agents));

        Assert.Equal("Add a launcher (e.g. .AddDeltacloudLauncher(...)) before .RunAgentsLocally(...).", error.Message);
    }

    private sealed class FixedLauncher(LaunchedInstance instance) : IInstanceLauncher
    {
        public List<string> Terminated { get; } = [];

        public Task<LaunchedInstance> LaunchAsync(InstanceLaunchRequest request, CancellationToken cancellationToken = default) => Task.FromResult(instance);

        public Task<LaunchedInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) => Task.FromResult<LaunchedInstance?>(instance);

        public Task<IReadOnlyList<LaunchedInstance>> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<LaunchedInstance>>(instance.Name == name && !Terminated.Contains(instance.InstanceId) ? [instance] : []);

        public Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default)
        {
            Terminated.Add(instanceId);
            return Task.CompletedTask;
        }
    }
}
