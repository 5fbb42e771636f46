using CloudConfig.Core;
using CloudConfig.Testing.Nats;

namespace CloudConfig.Cache.Nats.Tests;

/// <summary>
/// The server crashing (SIGKILL) and coming back on its store: every acknowledged registration, claim, report and
/// pool position is still there, and no pool entry is handed out twice across the crash.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class NatsDurabilityTests
{
    [Fact]
    public async Task KilledAndRestarted_KeepsEntriesClaimsReportsAndThePoolPosition()
    {
        await using var server = await NatsServer.StartAsync();
        var prefix = NatsServerFixture.NewPrefix();
        var pool = Secret.Generate();
        var claimedBefore = new List<Guid>();
        var (uuid, trustKey) = (Guid.NewGuid(), Secret.Generate());
        await using (var cache = NatsServerFixture.CreateCache(server, prefix: prefix))
        {
            var bootSecret = Secret.Generate();
            await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), bootSecret));
            await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
            await cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured, 0)) { Address = "10.0.0.7" });
            for (var i = 0; i < 10; i++)
            {
                await cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(Guid.NewGuid(), ConfigurationContent.FromText($"echo {i}"), "web", pool));
            }

            for (var i = 0; i < 4; i++)
            {
                claimedBefore.Add((await cache.AssignDynamicAsync("web", pool, Secret.Generate())).Uuid);
            }
        }

        server.Kill();
        await server.RestartAsync();

        await using var after = NatsServerFixture.CreateCache(server, prefix: prefix);
        var entry = await after.GetAsync(uuid);
        Assert.NotNull(entry);
        Assert.True(entry.IsClaimed);
        Assert.Equal("10.0.0.7", entry.Address);
        Assert.Equal(InstanceState.Configured, entry.Status.State);
        Assert.Equal(uuid, (await after.FetchAsync(uuid, InstanceCredential.Trusted(trustKey))).Uuid);
        var claimedAfter = new List<Guid>();
        while (true)
        {
            try
            {
                claimedAfter.Add((await after.AssignDynamicAsync("web", pool, Secret.Generate())).Uuid);
            }
            catch (NoDynamicEntryAvailableException)
            {
                break;
            }
        }

        Assert.Equal(6, claimedAfter.Count);
        Assert.Empty(claimedBefore.Intersect(claimedAfter));
        Assert.Equal(11, await CountAsync(after));
    }

    private static async Task<int> CountAsync(NatsConfigCache cache)
    {
        var count = 0;
        await foreach (var _ in cache.ListAsync())
        {
            count++;
        }

        return count;
    }
}
