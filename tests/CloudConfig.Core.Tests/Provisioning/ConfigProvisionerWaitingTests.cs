using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Core.Tests.Provisioning;

public sealed class ConfigProvisionerWaitingTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly InMemoryConfigCache _cache = new();
    private readonly RecordingLauncher _launcher = new();

    [Fact]
    public async Task WaitUntilConfigured_AgentReportsSuccess_ReturnsTheReportedAddressAndParameters()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);
        var handle = await provisioner.ProvisionAsync(ProvisionerFixture.Request());

        var waiting = provisioner.WaitUntilConfiguredAsync(handle.Uuid, Generous);
        await ProvisionerFixture.BootAgentAsync(_cache, _launcher.Launched.Single(), new InstanceStatus(InstanceState.Configured, 0, AppliedGeneration: 1));
        var entry = await waiting;

        Assert.Equal(InstanceState.Configured, entry.Status.State);
        Assert.Equal("10.0.0.9", entry.Address);
        Assert.Equal("web", entry.Parameters["role"].AsString());
    }

    [Fact]
    public async Task WaitUntilConfigured_AgentReportsFailure_ThrowsWithTheExitCodeAndOutput()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);
        var handle = await provisioner.ProvisionAsync(ProvisionerFixture.Request());
        await ProvisionerFixture.BootAgentAsync(_cache, _launcher.Launched.Single(), new InstanceStatus(InstanceState.Failed, 127, "sh: puppet: not found", 1));

        var error = await Assert.ThrowsAsync<ConfigurationFailedException>(() => provisioner.WaitUntilConfiguredAsync(handle.Uuid, Generous));

        Assert.Equal(127, error.Entry.Status.ExitCode);
        Assert.Equal("sh: puppet: not found", error.Entry.Status.Detail);
        Assert.Contains("127", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntilConfigured_NoReportInTime_ThrowsTimeoutWithTheLastState()
    {
        var time = new FakeTimeProvider();
        var provisioner = ProvisionerFixture.Create(_cache, _launcher, time, poll: TimeSpan.FromSeconds(1));
        var handle = await provisioner.ProvisionAsync(ProvisionerFixture.Request());

        var waiting = provisioner.WaitUntilConfiguredAsync(handle.Uuid, TimeSpan.FromMinutes(5));
        for (var i = 0; i < 400 && !waiting.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        var error = await Assert.ThrowsAsync<ConfigurationTimeoutException>(() => waiting.WaitAsync(Generous));
        Assert.Equal(TimeSpan.FromMinutes(5), error.Timeout);
        Assert.Equal(InstanceState.Registered, error.LastSeen!.Status.State);
    }

    [Fact]
    public async Task WaitUntilConfigured_UnknownUuid_ThrowsNotFound()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);

        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => provisioner.WaitUntilConfiguredAsync(Guid.NewGuid(), Generous));
    }

    [Fact]
    public async Task UpdateConfiguration_WithWait_ReturnsOnceTheAgentReportsTheNewGeneration()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);
        var handle = await provisioner.ProvisionAsync(ProvisionerFixture.Request());
        var trustKey = await ProvisionerFixture.BootAgentAsync(_cache, _launcher.Launched.Single(), new InstanceStatus(InstanceState.Configured, 0, AppliedGeneration: 1));

        var updating = provisioner.UpdateConfigurationAsync(handle.Uuid, ConfigurationContent.FromText("echo v2"), Generous);
        var update = await _cache.WaitForUpdateAsync(handle.Uuid, trustKey, 1, Generous);
        await _cache.UpdateCacheAsync(handle.Uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured, 0, AppliedGeneration: update!.Generation)));
        var entry = await updating;

        Assert.Equal(2, entry.Generation);
        Assert.Equal(2, entry.Status.AppliedGeneration);
    }

    [Fact]
    public async Task WatchAsync_YieldsEachStatusChangeAndEndsWhenTheEntryIsRemoved()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);
        var handle = await provisioner.ProvisionAsync(ProvisionerFixture.Request());
        var seen = new List<InstanceState>();

        await foreach (var entry in provisioner.WatchAsync(handle.Uuid).WithCancellation(new CancellationTokenSource(Generous).Token))
        {
            seen.Add(entry.Status.State);
            if (entry.Status.State == InstanceState.Registered)
            {
                await ProvisionerFixture.BootAgentAsync(_cache, _launcher.Launched.Single(), new InstanceStatus(InstanceState.Configured, 0));
            }
            else
            {
                await _cache.RemoveAsync(handle.Uuid);
            }
        }

        Assert.Equal([InstanceState.Registered, InstanceState.Configured], seen);
    }
}
