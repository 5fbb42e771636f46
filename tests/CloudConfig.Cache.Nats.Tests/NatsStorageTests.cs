using System.Text;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;
using NATS.Net;

namespace CloudConfig.Cache.Nats.Tests;

/// <summary>What the cache leaves in the buckets, read back with a plain NATS client.</summary>
[Collection(NatsCollection.Name)]
public sealed class NatsStorageTests(NatsServerFixture nats)
{
    [Fact]
    public async Task Buckets_HoldOnlyHashesOfTheSecrets()
    {
        var prefix = NatsServerFixture.NewPrefix();
        await using var cache = nats.CreateCache(prefix: prefix);
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        var poolCredential = Secret.Generate();
        var dynamicTrustKey = Secret.Generate();
        var uuid = Guid.NewGuid();
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), bootSecret));
        await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        await cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(Guid.NewGuid(), ConfigurationContent.FromText("echo"), "web", poolCredential));
        await cache.AssignDynamicAsync("web", poolCredential, dynamicTrustKey);

        var stored = await ReadEverythingAsync(nats.Server, prefix);

        Assert.NotEmpty(stored);
        foreach (var secret in new[] { bootSecret, trustKey, poolCredential, dynamicTrustKey })
        {
            Assert.DoesNotContain(stored, s => s.Contains(secret.Reveal(), StringComparison.Ordinal));
        }

        Assert.Contains(stored, s => s.Contains(bootSecret.Hash().ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreRegister_ConfigurationOverTheServersMaxPayload_ThrowsTooLargeWithTheEffectiveLimit()
    {
        await using var server = await NatsServer.StartAsync(maxPayload: "64KB");
        await using var cache = NatsServerFixture.CreateCache(server, limits: new ConfigCacheLimits());
        var uuid = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<ConfigurationTooLargeException>(
            () => cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromBytes(new byte[64 * 1024]), Secret.Generate())));

        Assert.True(error.Limit is > 60 * 1024 and < 64 * 1024, $"limit {error.Limit}");
        Assert.Null(await cache.GetAsync(uuid));
        var fits = ConfigurationContent.FromBytes(new byte[(int)error.Limit]);
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, fits, Secret.Generate()));
        Assert.Equal(fits, (await cache.GetAsync(uuid))!.Configuration);
    }

    [Fact]
    public async Task PreRegister_TheDefaultOneMebibyteConfiguration_FitsOnAServerConfiguredAsDocumented()
    {
        await using var cache = nats.CreateCache(limits: new ConfigCacheLimits());
        var uuid = Guid.NewGuid();
        var largest = ConfigurationContent.FromBytes(Enumerable.Range(0, 1024 * 1024).Select(i => (byte)i).ToArray());

        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, largest, Secret.Generate()));

        Assert.Equal(largest, (await cache.GetAsync(uuid))!.Configuration);
    }

    [Fact]
    public async Task PreRegister_PastMaxEntries_ThrowsFullAndStoresNothing()
    {
        await using var cache = nats.CreateCache(limits: new ConfigCacheLimits { MaxEntries = 3 });
        for (var i = 0; i < 3; i++)
        {
            await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("echo"), Secret.Generate()));
        }

        var uuid = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<ConfigCacheFullException>(
            () => cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), Secret.Generate())));

        Assert.Equal(3, error.Limit);
        Assert.Null(await cache.GetAsync(uuid));
    }

    [Fact]
    public async Task PreRegister_AUuidRemovedAndRegisteredAgain_InheritsNothingFromTheOldInstance()
    {
        await using var cache = nats.CreateCache();
        var uuid = Guid.NewGuid();
        var oldTrustKey = Secret.Generate();
        var oldBoot = Secret.Generate();
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("old"), oldBoot));
        await cache.FetchAsync(uuid, InstanceCredential.FirstContact(oldBoot, oldTrustKey));
        await cache.UpdateCacheAsync(uuid, oldTrustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured)) { Address = "10.0.0.1" });
        await cache.RemoveAsync(uuid);

        var newBoot = Secret.Generate();
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("new"), newBoot));

        var entry = (await cache.GetAsync(uuid))!;
        Assert.False(entry.IsClaimed);
        Assert.Null(entry.Address);
        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => cache.FetchAsync(uuid, InstanceCredential.Trusted(oldTrustKey)));
        Assert.Equal("new", (await cache.FetchAsync(uuid, InstanceCredential.FirstContact(newBoot, Secret.Generate()))).Configuration.AsText());
    }

    [Fact]
    public async Task RemoveStale_ForgetsRemovalMarkersOnlyOnceTheyAreOlderThanTheRetention()
    {
        var prefix = NatsServerFixture.NewPrefix();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cache = nats.CreateCache(time, prefix: prefix, configure: o => o.RemovalMarkerRetention = TimeSpan.FromHours(1));
        var uuid = Guid.NewGuid();
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), Secret.Generate()));
        await cache.RemoveAsync(uuid);

        await cache.RemoveStaleAsync(TimeSpan.FromDays(1));
        var keptWhileYoung = await ReadEntryKeyAsync(nats.Server, prefix, uuid);
        time.Advance(TimeSpan.FromHours(2));
        await cache.RemoveStaleAsync(TimeSpan.FromDays(1));
        var afterRetention = await ReadEntryKeyAsync(nats.Server, prefix, uuid);

        Assert.IsType<NatsKVKeyDeletedException>(keptWhileYoung);
        Assert.IsType<NatsKVKeyNotFoundException>(afterRetention);
    }

    private static async Task<Exception?> ReadEntryKeyAsync(NatsServer server, string prefix, Guid uuid)
    {
        await using var client = new NatsConnection(new NatsOpts { Url = server.Url });
        var store = await client.CreateKeyValueStoreContext().GetStoreAsync($"{prefix}-entries");
        var result = await store.TryGetEntryAsync<byte[]>("e." + uuid.ToString("N"));
        return result.Success ? null : result.Error;
    }

    private static async Task<List<string>> ReadEverythingAsync(NatsServer server, string prefix)
    {
        await using var client = new NatsConnection(new NatsOpts { Url = server.Url });
        var kv = client.CreateKeyValueStoreContext();
        var texts = new List<string>();
        foreach (var bucket in new[] { "entries", "pools", "instances" })
        {
            var store = await kv.GetStoreAsync($"{prefix}-{bucket}");
            await foreach (var key in store.GetKeysAsync())
            {
                var entry = await store.GetEntryAsync<byte[]>(key, serializer: NatsRawSerializer<byte[]>.Default);
                texts.Add(key + " " + Encoding.UTF8.GetString(entry.Value!));
            }
        }

        return texts;
    }
}
