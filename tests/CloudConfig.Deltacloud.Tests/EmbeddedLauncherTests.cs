using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using CloudConfig.Deltacloud.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>The launcher end to end against the embedded cloud: what the instance receives, what the launcher returns.</summary>
public sealed class EmbeddedLauncherTests
{
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(30);

    private readonly Secret _secret = Secret.Generate();
    private readonly TaskCompletionSource<EmbeddedInstance> _booted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private string BootText => BootString.Create(Guid.NewGuid(), new RendezvousAddress("::1", 8443), _secret).Format();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LaunchAsync_BootStringAsUserData_BootHookReceivesExactlyThatText(bool strict)
    {
        var bootText = BootText;
        await using var cloud = await StartAsync(o => o.PendingDuration = TimeSpan.Zero);
        using var client = ClientFor(cloud);
        var launcher = new DeltacloudInstanceLauncher(client, new DeltacloudLauncherOptions { RequireUserDataFeature = strict });

        var launched = await launcher.LaunchAsync(new InstanceLaunchRequest("img1") { Name = "web-1", UserData = bootText });

        var booted = await _booted.Task.WaitAsync(SignalTimeout);
        Assert.Equal(bootText, booted.UserData);
        Assert.Equal(launched.InstanceId, booted.Id);
        var held = cloud.FindInstance(launched.InstanceId)!;
        Assert.Equal((held.Name, "RUNNING"), (launched.Name, launched.State));
        Assert.Equal(held.PublicAddresses, launched.PublicAddresses);
        Assert.Equal(held.PrivateAddresses, launched.PrivateAddresses);
        Assert.NotEmpty(launched.PublicAddresses);
        Assert.NotEmpty(launched.PrivateAddresses);
    }

    [Fact]
    public async Task LaunchAsync_DefaultPendingPhase_ReturnsThePendingInstance()
    {
        await using var cloud = await StartAsync();
        using var client = ClientFor(cloud);

        var launched = await new DeltacloudInstanceLauncher(client).LaunchAsync(new InstanceLaunchRequest("img2") { UserData = BootText });

        Assert.Equal("PENDING", launched.State);
        Assert.Equal(EmbeddedInstanceState.Pending, Assert.Single(cloud.Instances).State);
    }

    [Fact]
    public async Task TerminateAsync_RunningInstance_StopsAndDestroysIt()
    {
        await using var cloud = await StartAsync(o => o.PendingDuration = TimeSpan.Zero);
        using var client = ClientFor(cloud);
        var launcher = new DeltacloudInstanceLauncher(client);
        var launched = await launcher.LaunchAsync(new InstanceLaunchRequest("img1") { Name = "web-1", UserData = BootText });

        await launcher.TerminateAsync(launched.InstanceId);

        Assert.Null(cloud.FindInstance(launched.InstanceId));
        Assert.Empty(cloud.Instances);
        Assert.Null(await launcher.GetAsync(launched.InstanceId));
    }

    [Fact]
    public async Task TerminateAsync_StoppedInstance_DestroysItWithoutStopping()
    {
        await using var cloud = await StartAsync(o => o.PendingDuration = TimeSpan.Zero);
        using var client = ClientFor(cloud);
        var launcher = new DeltacloudInstanceLauncher(client);
        var launched = await launcher.LaunchAsync(new InstanceLaunchRequest("img1") { Name = "web-1" });
        await client.Instances.StopAsync(await client.Instances.GetAsync(launched.InstanceId));

        await launcher.TerminateAsync(launched.InstanceId);

        Assert.Empty(cloud.Instances);
    }

    [Fact]
    public async Task LaunchAsync_UserDataNotAdvertised_WarnsAndStillSendsIt()
    {
        var bootText = BootText;
        await using var cloud = await StartAsync(o => o.AdvertiseUserData = false);
        var clientLog = new ListLogger<IDeltacloudClient>();
        var launcherLog = new ListLogger<DeltacloudInstanceLauncher>();
        using var client = ClientFor(cloud, logger: clientLog);
        var launcher = new DeltacloudInstanceLauncher(client, logger: launcherLog);

        await launcher.LaunchAsync(new InstanceLaunchRequest("img1") { Name = "web-1", UserData = bootText });

        Assert.Equal(bootText, (await _booted.Task.WaitAsync(SignalTimeout)).UserData);
        Assert.Contains(launcherLog.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("user_data", StringComparison.Ordinal));
        Assert.All(launcherLog.Entries.Concat(clientLog.Entries), e => Assert.DoesNotContain(_secret.Reveal(), e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LaunchAsync_StrictModeAndUserDataNotAdvertised_RefusesBeforeAnyCreate()
    {
        await using var cloud = await StartAsync(o => o.AdvertiseUserData = false);
        using var client = ClientFor(cloud);
        var launcher = new DeltacloudInstanceLauncher(client, new DeltacloudLauncherOptions { RequireUserDataFeature = true });

        var error = await Assert.ThrowsAsync<DeltacloudFeatureNotSupportedException>(
            () => launcher.LaunchAsync(new InstanceLaunchRequest("img1") { Name = "web-1", UserData = BootText }));

        Assert.DoesNotContain(_secret.Reveal(), error.Message, StringComparison.Ordinal);
        Assert.Equal(0, cloud.CreateAttempts);
        Assert.Empty(cloud.Instances);
    }

    [Fact]
    public async Task LaunchAsync_CreateAnsweredAfterTheClientTimeout_ReturnsTheOneInstanceCreated()
    {
        // The cloud's clock never advances, so the 201 waits until the client has given up (after 1 s, real time;
        // shorter timeouts let a loaded machine time out the discovery and the lookup too).
        await using var cloud = await StartAsync(o =>
        {
            o.PendingDuration = TimeSpan.Zero;
            o.TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
            o.CreateFault = n => n == 1 ? EmbeddedCreateFault.RespondLate(TimeSpan.FromMinutes(1)) : EmbeddedCreateFault.None;
        });
        var clientLog = new ListLogger<IDeltacloudClient>();
        using var client = ClientFor(cloud, o => o.RequestTimeout = TimeSpan.FromSeconds(1), clientLog);
        var launcher = new DeltacloudInstanceLauncher(client);

        var launched = await launcher.LaunchAsync(new InstanceLaunchRequest("img1") { Name = "web-1", UserData = BootText });

        // The answer really came too late: the client timed out and found the machine by name.
        Assert.Contains(clientLog.Entries, e => e.Message.Contains("DeltacloudTimeoutException", StringComparison.Ordinal) && e.Message.Contains("looking it up by name", StringComparison.Ordinal));
        Assert.Contains(clientLog.Entries, e => e.Message.Contains($"using {launched.InstanceId}", StringComparison.Ordinal));
        var only = Assert.Single(cloud.Instances);
        Assert.Equal((only.Id, "web-1"), (launched.InstanceId, launched.Name));
        Assert.Equal(1, cloud.CreateAttempts);
    }

    private Task<EmbeddedDeltacloud> StartAsync(Action<EmbeddedDeltacloudOptions>? configure = null)
    {
        var options = new EmbeddedDeltacloudOptions
        {
            BootHook = (instance, _) =>
            {
                _booted.TrySetResult(instance);
                return Task.CompletedTask;
            },
        };
        configure?.Invoke(options);
        return EmbeddedDeltacloud.StartAsync(options);
    }

    private static DeltacloudClient ClientFor(EmbeddedDeltacloud cloud, Action<DeltacloudClientOptions>? configure = null, ILogger? logger = null) =>
        TestClients.Create(cloud.ApiUrl, configure: o =>
        {
            o.Username = cloud.Username;
            o.Password = cloud.Password;
            configure?.Invoke(o);
        }, logger: logger);
}
