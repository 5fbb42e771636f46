using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Moq;

namespace CloudConfig.Core.Tests.Provisioning;

public sealed class ConfigProvisionerDeprovisionTests
{
    private readonly InMemoryConfigCache _cache = new();
    private readonly RecordingLauncher _launcher = new();

    [Fact]
    public async Task DeprovisionAsync_UuidAloneInAnotherProvisioner_TerminatesTheInstanceThenRemovesTheEntry()
    {
        var provisioned = await ProvisionerFixture.Create(_cache, _launcher).ProvisionAsync(ProvisionerFixture.Request());
        // Another process: a provisioner that never saw the launch, over the same cache and cloud.
        var other = ProvisionerFixture.Create(_cache, _launcher);

        var ended = await other.DeprovisionAsync(provisioned.Uuid);

        Assert.Equal(provisioned.Uuid, ended.Uuid);
        Assert.Equal([provisioned.InstanceId], ended.TerminatedInstanceIds);
        Assert.True(ended.EntryRemoved);
        Assert.True(ended.FoundAnything);
        Assert.Equal([provisioned.InstanceId], _launcher.Terminated);
        Assert.Null(await _cache.GetAsync(provisioned.Uuid));
    }

    [Fact]
    public async Task DeprovisionAsync_EntryAlreadyRemoved_StillTerminatesTheInstance()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);
        var provisioned = await provisioner.ProvisionAsync(ProvisionerFixture.Request());
        await _cache.RemoveAsync(provisioned.Uuid);

        var ended = await provisioner.DeprovisionAsync(provisioned.Uuid);

        Assert.Equal([provisioned.InstanceId], ended.TerminatedInstanceIds);
        Assert.False(ended.EntryRemoved);
        Assert.Equal([provisioned.InstanceId], _launcher.Terminated);
    }

    [Fact]
    public async Task DeprovisionAsync_InstanceAlreadyGone_RemovesTheEntry()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);
        var provisioned = await provisioner.ProvisionAsync(ProvisionerFixture.Request());
        await _launcher.TerminateAsync(provisioned.InstanceId);

        var ended = await provisioner.DeprovisionAsync(provisioned.Uuid);

        Assert.Empty(ended.TerminatedInstanceIds);
        Assert.True(ended.EntryRemoved);
        Assert.Equal(0, _cache.Count);
        Assert.Single(_launcher.Terminated);
    }

    [Fact]
    public async Task DeprovisionAsync_UnknownUuid_FindsNothingAndIsNoError()
    {
        var ended = await ProvisionerFixture.Create(_cache, _launcher).DeprovisionAsync(Guid.NewGuid());

        Assert.False(ended.FoundAnything);
        Assert.Empty(_launcher.Terminated);
    }

    [Fact]
    public async Task DeprovisionAsync_TwoInstancesUnderTheName_TerminatesBoth()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);
        var provisioned = await provisioner.ProvisionAsync(ProvisionerFixture.Request());
        // A create repeated after a lost answer can leave a second machine under the same name.
        var twin = await _launcher.LaunchAsync(new InstanceLaunchRequest("img1") { Name = ConfigProvisioner.InstanceNameFor(provisioned.Uuid) });

        var ended = await provisioner.DeprovisionAsync(provisioned.Uuid);

        Assert.Equal([provisioned.InstanceId, twin.InstanceId], ended.TerminatedInstanceIds);
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task DeprovisionAsync_LookupFails_ChangesNothing()
    {
        var provisioned = await ProvisionerFixture.Create(_cache, _launcher).ProvisionAsync(ProvisionerFixture.Request());
        var launcher = new Mock<IInstanceLauncher>(MockBehavior.Strict);
        launcher.Setup(l => l.FindByNameAsync(ConfigProvisioner.InstanceNameFor(provisioned.Uuid), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("cloud unreachable"));

        var error = await Assert.ThrowsAsync<DeprovisioningException>(() => ProvisionerFixture.Create(_cache, launcher.Object).DeprovisionAsync(provisioned.Uuid));

        Assert.Equal(DeprovisioningStage.FindInstance, error.Stage);
        Assert.Equal(provisioned.Uuid, error.Uuid);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.False(error.InstanceStillRunning);
        Assert.True(error.EntryLeftBehind);
        Assert.NotNull(await _cache.GetAsync(provisioned.Uuid));
        launcher.VerifyAll();
        launcher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DeprovisionAsync_TerminateFails_KeepsTheEntrySoARetryFinishesTheJob()
    {
        var provisioned = await ProvisionerFixture.Create(_cache, _launcher).ProvisionAsync(ProvisionerFixture.Request());
        var launcher = new Mock<IInstanceLauncher>();
        launcher.Setup(l => l.FindByNameAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new LaunchedInstance(provisioned.InstanceId, "RUNNING")]);
        launcher.SetupSequence(l => l.TerminateAsync(provisioned.InstanceId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("cloud unreachable"))
            .Returns(Task.CompletedTask);
        var provisioner = ProvisionerFixture.Create(_cache, launcher.Object);

        var error = await Assert.ThrowsAsync<DeprovisioningException>(() => provisioner.DeprovisionAsync(provisioned.Uuid));

        Assert.Equal(DeprovisioningStage.Terminate, error.Stage);
        Assert.Equal(provisioned.InstanceId, error.InstanceId);
        Assert.True(error.InstanceStillRunning);
        Assert.True(error.EntryLeftBehind);
        Assert.Contains("may still be running", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await _cache.GetAsync(provisioned.Uuid));

        var retried = await provisioner.DeprovisionAsync(provisioned.Uuid);

        Assert.Equal([provisioned.InstanceId], retried.TerminatedInstanceIds);
        Assert.True(retried.EntryRemoved);
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task DeprovisionAsync_SecondOfTwoTerminatesFails_ReportsTheFirstAsTerminated()
    {
        var uuid = Guid.NewGuid();
        var launcher = new Mock<IInstanceLauncher>();
        launcher.Setup(l => l.FindByNameAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new LaunchedInstance("i-1", "RUNNING"), new LaunchedInstance("i-2", "RUNNING")]);
        launcher.Setup(l => l.TerminateAsync("i-2", It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException());

        var error = await Assert.ThrowsAsync<DeprovisioningException>(() => ProvisionerFixture.Create(_cache, launcher.Object).DeprovisionAsync(uuid));

        Assert.Equal(["i-1"], error.TerminatedInstanceIds);
        Assert.Equal("i-2", error.InstanceId);
        Assert.True(error.InstanceStillRunning);
    }

    [Fact]
    public async Task DeprovisionAsync_CancelledWhileTerminating_KeepsTheEntryAndSaysTheInstanceMayRun()
    {
        using var cancellation = new CancellationTokenSource();
        var provisioned = await ProvisionerFixture.Create(_cache, _launcher).ProvisionAsync(ProvisionerFixture.Request());
        var launcher = new Mock<IInstanceLauncher>();
        launcher.Setup(l => l.FindByNameAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new LaunchedInstance(provisioned.InstanceId, "RUNNING")]);
        launcher.Setup(l => l.TerminateAsync(provisioned.InstanceId, It.IsAny<CancellationToken>()))
            .Returns(async (string _, CancellationToken token) =>
            {
                await cancellation.CancelAsync();
                token.ThrowIfCancellationRequested();
            });

        var error = await Assert.ThrowsAsync<DeprovisioningException>(() =>
            ProvisionerFixture.Create(_cache, launcher.Object).DeprovisionAsync(provisioned.Uuid, cancellation.Token));

        Assert.Equal(DeprovisioningStage.Terminate, error.Stage);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.Contains("was cancelled", error.Message, StringComparison.Ordinal);
        Assert.True(error.InstanceStillRunning);
        Assert.NotNull(await _cache.GetAsync(provisioned.Uuid));
    }

    [Fact]
    public async Task DeprovisionAsync_EntryCannotBeRemoved_SaysTheInstanceIsGoneAndTheEntryLeftBehind()
    {
        var uuid = Guid.NewGuid();
        var registry = new Mock<IConfigRegistry>();
        registry.Setup(r => r.RemoveAsync(uuid, It.IsAny<CancellationToken>())).ThrowsAsync(new ConfigCacheUnavailableException("backend down"));
        var launcher = new Mock<IInstanceLauncher>();
        launcher.Setup(l => l.FindByNameAsync(ConfigProvisioner.InstanceNameFor(uuid), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new LaunchedInstance("i-9", "RUNNING")]);

        var error = await Assert.ThrowsAsync<DeprovisioningException>(() => ProvisionerFixture.Create(registry.Object, launcher.Object).DeprovisionAsync(uuid));

        Assert.Equal(DeprovisioningStage.RemoveEntry, error.Stage);
        Assert.Equal(["i-9"], error.TerminatedInstanceIds);
        Assert.False(error.InstanceStillRunning);
        Assert.True(error.EntryLeftBehind);
        Assert.IsType<ConfigCacheUnavailableException>(error.InnerException);
        launcher.Verify(l => l.TerminateAsync("i-9", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task DeprovisionManyAsync_OneFails_EveryUuidGetsItsResultWithinTheParallelism()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);
        var provisioned = (await provisioner.ProvisionManyAsync([.. Enumerable.Range(0, 12).Select(_ => ProvisionerFixture.Request())]))
            .Select(r => r.Instance!).ToList();
        var broken = provisioned[5];
        var registry = new FailingRemoval(_cache, broken.Uuid);
        var uuids = provisioned.Select(p => p.Uuid).Append(Guid.NewGuid()).ToList();

        var results = await ProvisionerFixture.Create(registry, _launcher).DeprovisionManyAsync(uuids, maxParallelism: 3);

        Assert.Equal(Enumerable.Range(0, 13), results.Select(r => r.Index));
        Assert.Equal(uuids, results.Select(r => r.Uuid));
        var failure = Assert.IsType<DeprovisioningException>(results[5].Error);
        Assert.Equal(DeprovisioningStage.RemoveEntry, failure.Stage);
        Assert.Equal(12, results.Count(r => r.Succeeded));
        Assert.False(results[12].Instance!.FoundAnything);
        Assert.Equal(12, _launcher.Terminated.Count);
        Assert.Equal([broken.Uuid], (await _cache.ListAsync().ToListAsync()).Select(e => e.Uuid));
        Assert.InRange(_launcher.MaxTerminatesInFlight, 1, 3);
    }

    [Fact]
    public async Task DeprovisionManyAsync_CancelledBeforehand_ChangesNothingAndAnswersEveryUuid()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);
        var provisioned = await provisioner.ProvisionAsync(ProvisionerFixture.Request());

        var results = await provisioner.DeprovisionManyAsync([provisioned.Uuid, Guid.NewGuid()], cancellationToken: new CancellationToken(canceled: true));

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.IsAssignableFrom<OperationCanceledException>(r.Error));
        Assert.Empty(_launcher.Terminated);
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public async Task ProvisionAsync_LaunchNameGiven_IsRefusedBeforeAnythingHappens()
    {
        var request = ProvisionerFixture.Request() with { Launch = new InstanceLaunchRequest("img1") { Name = "my-web" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ProvisionerFixture.Create(_cache, _launcher).ProvisionAsync(request));

        Assert.Contains("Launch.Name must be null", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _cache.Count);
        Assert.Empty(_launcher.Launched);
    }

    [Fact]
    public void Errors_ProvisioningAndTeardownAreNotCacheErrors_AndShareOneRoot()
    {
        Assert.False(typeof(ConfigCacheException).IsAssignableFrom(typeof(ProvisioningException)));
        Assert.False(typeof(ConfigCacheException).IsAssignableFrom(typeof(DeprovisioningException)));
        Assert.False(typeof(ConfigCacheException).IsAssignableFrom(typeof(ConfigurationTimeoutException)));
        Assert.All(
            [typeof(ConfigCacheException), typeof(ProvisioningException), typeof(DeprovisioningException), typeof(ConfigurationFailedException), typeof(ConfigurationTimeoutException)],
            type => Assert.True(typeof(CloudConfigException).IsAssignableFrom(type), type.Name));
    }

    /// <summary>The in-memory cache, except that removing one uuid fails as an unreachable backend would.</summary>
    private sealed class FailingRemoval(InMemoryConfigCache inner, Guid failing) : IConfigRegistry
    {
        public Task<ConfigEntry> PreRegisterAsync(ConfigRegistration registration, CancellationToken cancellationToken = default) => inner.PreRegisterAsync(registration, cancellationToken);

        public Task<ConfigEntry?> GetAsync(Guid uuid, CancellationToken cancellationToken = default) => inner.GetAsync(uuid, cancellationToken);

        public IAsyncEnumerable<ConfigEntry> ListAsync(ConfigEntryQuery? query = null, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

        public Task<ConfigEntry> UpdateConfigurationAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default) =>
            inner.UpdateConfigurationAsync(uuid, configuration, cancellationToken);

        public Task<bool> RemoveAsync(Guid uuid, CancellationToken cancellationToken = default) =>
            uuid == failing ? throw new ConfigCacheUnavailableException("backend down") : inner.RemoveAsync(uuid, cancellationToken);

        public Task<int> RemoveStaleAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => inner.RemoveStaleAsync(timeout, cancellationToken);
    }
}
