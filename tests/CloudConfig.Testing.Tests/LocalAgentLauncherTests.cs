using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudConfig.Testing.Tests;

public sealed class LocalAgentLauncherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

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
    public async Task LaunchAsync_NoUserDataWithABakedInPool_TheAgentClaimsFromThePool()
    {
        await using var local = await LocalCloud.StartAsync(new LocalCloudOptions { Agents = LocalAgentMode.None });
        var credential = Secret.Generate();
        var pool = await local.Provisioner.RegisterDynamicPoolAsync("web-pool", [LocalCloudTests.Script("web")], credential);
        local.Agents.BakedInPool = new DynamicPoolAccess(local.RendezvousAddress, "web-pool", credential);
        var launcher = new LocalAgentLauncher(new FixedLauncher(new LaunchedInstance("i-3", "RUNNING") { PrivateAddresses = ["10.3.3.3"] }), local.Agents);

        await launcher.LaunchAsync(new InstanceLaunchRequest("img1"));
        var entry = await local.Provisioner.WaitUntilConfiguredAsync(Assert.Single(pool.Uuids), Timeout);

        Assert.True(entry.IsClaimed);
        Assert.Equal("10.3.3.3", entry.Address);
        Assert.Equal(1, local.Agents.Started);
    }

    [Fact]
    public async Task TerminateAsync_StopsTheAgentThenTerminatesInTheCloud()
    {
        await using var local = await LocalCloud.StartAsync(new LocalCloudOptions { Agents = LocalAgentMode.None });
        var inner = new FixedLauncher(new LaunchedInstance("i-7", "RUNNING") { PrivateAddresses = ["10.9.9.9"] });
        var launcher = new LocalAgentLauncher(inner, local.Agents);
        var provisioner = new ConfigProvisioner(local.Cache, launcher, Options.Create(new ProvisioningOptions
        {
            RendezvousAddress = local.RendezvousAddress,
            StatusPollInterval = TimeSpan.FromMilliseconds(50),
        }));
        var provisioned = await provisioner.ProvisionAsync(LocalCloudTests.Request("db"));

        var entry = await provisioner.WaitUntilConfiguredAsync(provisioned.Uuid, Timeout);
        Assert.Equal(1, local.Agents.Running);
        await launcher.TerminateAsync("i-7");

        Assert.Equal("10.9.9.9", entry.Address);
        Assert.Equal(["i-7"], inner.Terminated);
        Assert.Equal(0, local.Agents.Running);
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

    [Fact]
    public async Task RunAgentsLocally_WrapsTheLauncherRegisteredBefore()
    {
        await using var agents = new LocalAgents();
        var inner = new FixedLauncher(new LaunchedInstance("i-1", "RUNNING"));
        var services = new ServiceCollection();
        var builder = services.AddCloudConfig(o => o.RendezvousAddress = "127.0.0.1:1");
        services.AddSingleton<IInstanceLauncher>(inner);

        builder.RunAgentsLocally(agents);
        await using var provider = services.BuildServiceProvider();
        var launcher = provider.GetRequiredService<IInstanceLauncher>();
        await launcher.TerminateAsync("i-1");

        Assert.IsType<LocalAgentLauncher>(launcher);
        Assert.Equal(["i-1"], inner.Terminated);
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
