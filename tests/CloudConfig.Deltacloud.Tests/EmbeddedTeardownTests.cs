using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using CloudConfig.Deltacloud.Tests.Support;
using Microsoft.Extensions.Options;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>Finding an instance by the name the provisioner gave it, and deprovisioning for real against the embedded cloud.</summary>
public sealed class EmbeddedTeardownTests
{
    private static readonly string[] MockInstances = ["inst0", "inst1", "inst2", "inst3"];

    [Fact]
    public async Task FindByNameAsync_ComparesWholeNamesExactly()
    {
        await using var cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions { PendingDuration = TimeSpan.Zero, SeedMockInstances = true });
        using var client = ClientFor(cloud);
        var launcher = new DeltacloudInstanceLauncher(client);
        var web = await launcher.LaunchAsync(new InstanceLaunchRequest("img1") { Name = "web" });
        await launcher.LaunchAsync(new InstanceLaunchRequest("img1") { Name = "web-2" });
        await launcher.LaunchAsync(new InstanceLaunchRequest("img1") { Name = "WEB" });

        var found = await launcher.FindByNameAsync("web");

        Assert.Equal([web.InstanceId], found.Select(i => i.InstanceId));
        Assert.Equal("web", found[0].Name);
        Assert.Empty(await launcher.FindByNameAsync("we"));
    }

    [Fact]
    public async Task DeprovisionAsync_LikeTheMockDriver_EndsOnlyWhatTheProvisionerStarted()
    {
        // Like Deltacloud 1.1.3's mock driver: instances run at once, four were there before us, user_data is not advertised.
        await using var cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions
        {
            PendingDuration = TimeSpan.Zero,
            SeedMockInstances = true,
            AdvertiseUserData = false,
        });
        var cache = new InMemoryConfigCache();
        using var client = ClientFor(cloud);
        var provisioned = await ProvisionerFor(cache, client).ProvisionManyAsync([.. Enumerable.Range(0, 3).Select(_ => Request())]);
        Assert.All(provisioned, r => Assert.True(r.Succeeded, r.Error?.Message));

        // Another process that knows only the uuids: its own client, its own provisioner.
        using var otherClient = ClientFor(cloud);
        var other = ProvisionerFor(cache, otherClient);
        var first = await other.DeprovisionAsync(provisioned[0].Instance!.Uuid);
        var rest = await other.DeprovisionManyAsync([.. provisioned.Skip(1).Select(r => r.Instance!.Uuid)]);

        Assert.Equal([provisioned[0].Instance!.InstanceId], first.TerminatedInstanceIds);
        Assert.True(first.EntryRemoved);
        Assert.All(rest, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal(MockInstances, cloud.Instances.Select(i => i.Id).Order());
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task DeprovisionAsync_InstanceStillPending_WaitsUntilItRunsThenEndsIt()
    {
        await using var cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions { PendingDuration = TimeSpan.FromMilliseconds(300) });
        var cache = new InMemoryConfigCache();
        using var client = ClientFor(cloud);
        var provisioner = ProvisionerFor(cache, client);
        var provisioned = await provisioner.ProvisionAsync(Request());
        Assert.Equal("PENDING", provisioned.Instance.State);

        var ended = await provisioner.DeprovisionAsync(provisioned.Uuid);

        Assert.Equal([provisioned.InstanceId], ended.TerminatedInstanceIds);
        Assert.Empty(cloud.Instances);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task DeprovisionAsync_CloudRefusesTheCredentials_KeepsTheEntryAndChangesNothing()
    {
        await using var cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions { PendingDuration = TimeSpan.Zero });
        var cache = new InMemoryConfigCache();
        using var client = ClientFor(cloud);
        var provisioned = await ProvisionerFor(cache, client).ProvisionAsync(Request());
        using var wrongClient = ClientFor(cloud, o => o.Password = "wrong");

        var error = await Assert.ThrowsAsync<DeprovisioningException>(() => ProvisionerFor(cache, wrongClient).DeprovisionAsync(provisioned.Uuid));

        Assert.Equal(DeprovisioningStage.FindInstance, error.Stage);
        Assert.IsType<DeltacloudAuthenticationException>(error.InnerException);
        Assert.NotNull(cloud.FindInstance(provisioned.InstanceId));
        Assert.NotNull(await cache.GetAsync(provisioned.Uuid));
    }

    private static ProvisionRequest Request() =>
        new(new InstanceLaunchRequest("img1") { HardwareProfileId = "m1-small" }, ConfigurationContent.FromText("#!/bin/sh\necho hi\n"));

    private static ConfigProvisioner ProvisionerFor(InMemoryConfigCache cache, DeltacloudClient client) =>
        new(cache, new DeltacloudInstanceLauncher(client), Options.Create(new ProvisioningOptions { RendezvousAddress = "127.0.0.1:9" }));

    private static DeltacloudClient ClientFor(EmbeddedDeltacloud cloud, Action<DeltacloudClientOptions>? configure = null) =>
        TestClients.Create(cloud.ApiUrl, configure: o =>
        {
            o.Username = cloud.Username;
            o.Password = cloud.Password;
            configure?.Invoke(o);
        });
}
