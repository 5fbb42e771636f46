using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Moq;

namespace CloudConfig.Core.Tests.Provisioning;

public sealed class ConfigProvisionerTests
{
    private readonly InMemoryConfigCache _cache = new();
    private readonly RecordingLauncher _launcher = new();

    [Fact]
    public async Task ProvisionAsync_Succeeds_RegistersTheEntryAndPassesAWorkingBootStringAsUserData()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);

        var handle = await provisioner.ProvisionAsync(ProvisionerFixture.Request());

        var launched = Assert.Single(_launcher.Launched);
        var boot = BootString.Parse(launched.UserData!);
        Assert.Equal(handle.Uuid, boot.Uuid);
        Assert.Equal(ProvisionerFixture.Address, boot.Address.ToString());
        Assert.Equal($"cloudconfig-{handle.Uuid:N}", launched.Name);
        Assert.Equal("img1", launched.ImageId);
        Assert.Equal("m1-small", launched.HardwareProfileId);
        Assert.Equal("inst1", handle.InstanceId);
        Assert.Equal("tests", (await _cache.GetAsync(handle.Uuid))!.Domain);
        var fetched = await _cache.FetchAsync(boot.Uuid, InstanceCredential.FirstContact(boot.Secret, Secret.Generate()));
        Assert.Equal("echo hi", fetched.Configuration.AsText());
        Assert.DoesNotContain(boot.Secret.Reveal(), handle.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(boot.Secret.Reveal(), launched.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvisionAsync_RegistrationFails_StartsNothing()
    {
        var registry = new Mock<IConfigRegistry>();
        registry.Setup(r => r.PreRegisterAsync(It.IsAny<ConfigRegistration>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConfigCacheUnavailableException("backend down"));
        var launcher = new Mock<IInstanceLauncher>(MockBehavior.Strict);
        var provisioner = ProvisionerFixture.Create(registry.Object, launcher.Object);

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => provisioner.ProvisionAsync(ProvisionerFixture.Request()));

        Assert.Equal(ProvisioningStage.Register, error.Stage);
        Assert.IsType<ConfigCacheUnavailableException>(error.InnerException);
        Assert.False(error.InstanceStillRunning);
        launcher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ProvisionAsync_LaunchFails_RemovesTheEntry()
    {
        var launcher = new RecordingLauncher { Fails = _ => true };
        var provisioner = ProvisionerFixture.Create(_cache, launcher);

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => provisioner.ProvisionAsync(ProvisionerFixture.Request()));

        Assert.Equal(ProvisioningStage.Launch, error.Stage);
        Assert.False(error.EntryLeftBehind);
        Assert.Null(await _cache.GetAsync(error.Uuid));
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task ProvisionAsync_LaunchFailsAndTheEntryCannotBeRemoved_SaysSo()
    {
        var registry = new Mock<IConfigRegistry>();
        registry.Setup(r => r.PreRegisterAsync(It.IsAny<ConfigRegistration>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ConfigRegistration r, CancellationToken _) => new ConfigEntry { Uuid = r.Uuid, Configuration = r.Configuration });
        registry.Setup(r => r.RemoveAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ThrowsAsync(new ConfigCacheUnavailableException("down"));
        var provisioner = ProvisionerFixture.Create(registry.Object, new RecordingLauncher { Fails = _ => true });

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => provisioner.ProvisionAsync(ProvisionerFixture.Request()));

        Assert.True(error.EntryLeftBehind);
        Assert.Contains("NOT removed", error.Message, StringComparison.Ordinal);
        registry.Verify(r => r.RemoveAsync(error.Uuid, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProvisionAsync_InstanceComesUpInError_DestroysItAndRemovesTheEntry()
    {
        var launcher = new RecordingLauncher { StateOnLaunch = "ERROR" };
        var provisioner = ProvisionerFixture.Create(_cache, launcher);

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => provisioner.ProvisionAsync(ProvisionerFixture.Request()));

        Assert.Equal(ProvisioningStage.AfterLaunch, error.Stage);
        Assert.Equal("inst1", error.InstanceId);
        Assert.False(error.InstanceStillRunning);
        Assert.Equal(["inst1"], launcher.Terminated);
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task ProvisionAsync_InstanceCannotBeDestroyed_SaysPlainlyItIsStillRunning()
    {
        var launcher = new Mock<IInstanceLauncher>();
        launcher.Setup(l => l.LaunchAsync(It.IsAny<InstanceLaunchRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LaunchedInstance("i-42", "ERROR"));
        launcher.Setup(l => l.TerminateAsync("i-42", It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("cloud unreachable"));
        var provisioner = ProvisionerFixture.Create(_cache, launcher.Object);

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => provisioner.ProvisionAsync(ProvisionerFixture.Request()));

        Assert.True(error.InstanceStillRunning);
        Assert.Contains("i-42", error.Message, StringComparison.Ordinal);
        Assert.Contains("still running", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task ProvisionAsync_CancelledWhileLaunching_RemovesTheEntryAndNamesTheInstance()
    {
        using var cancellation = new CancellationTokenSource();
        var launcher = new Mock<IInstanceLauncher>();
        launcher.Setup(l => l.LaunchAsync(It.IsAny<InstanceLaunchRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (InstanceLaunchRequest _, CancellationToken token) =>
            {
                await cancellation.CancelAsync();
                token.ThrowIfCancellationRequested();
                return new LaunchedInstance("never", "PENDING");
            });
        var provisioner = ProvisionerFixture.Create(_cache, launcher.Object);

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => provisioner.ProvisionAsync(ProvisionerFixture.Request(), cancellation.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.Contains($"cloudconfig-{error.Uuid:N}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _cache.Count);
    }
}
