using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace CloudConfig.Core.Tests.Provisioning;

public sealed class ConfigProvisionerDynamicTests
{
    private readonly InMemoryConfigCache _cache = new();
    private readonly RecordingLauncher _launcher = new();

    [Fact]
    public async Task DynamicPool_InstancesWithoutUserDataClaimEntriesInOrderAndTheAppSeesTheClaims()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);
        var configurations = new[] { "echo a", "echo b", "echo c" }.Select(t => ConfigurationContent.FromText(t)).ToList();

        var pool = await provisioner.RegisterDynamicPoolAsync("workers", configurations);
        await provisioner.LaunchForPoolAsync(new InstanceLaunchRequest("img1") { UserData = "must not be sent" });
        var claimed = new List<string>();
        foreach (var _ in configurations)
        {
            claimed.Add((await _cache.AssignDynamicAsync("workers", pool.Credential, Secret.Generate())).Configuration.AsText());
        }

        var watched = new List<Guid>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var entry in provisioner.WatchPoolAsync("workers", stop.Token))
        {
            watched.Add(entry.Uuid);
            if (watched.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(["echo a", "echo b", "echo c"], claimed);
        Assert.Null(Assert.Single(_launcher.Launched).UserData);
        Assert.Equal(pool.Uuids.Order(), watched.Order());
        Assert.DoesNotContain(pool.Credential.Reveal(), pool.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterDynamicPool_AFailureHalfway_RemovesTheEntriesAlreadyMade()
    {
        var provisioner = ProvisionerFixture.Create(_cache, _launcher);
        var configurations = new[] { ConfigurationContent.FromText("ok"), ConfigurationContent.FromBytes(new byte[2 * 1024 * 1024]) };

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => provisioner.RegisterDynamicPoolAsync("workers", configurations));

        Assert.IsType<ConfigurationTooLargeException>(error.InnerException);
        Assert.Equal(0, _cache.Count);
    }
}
