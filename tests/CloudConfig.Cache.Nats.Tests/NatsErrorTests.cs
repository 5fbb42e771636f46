using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;
using NATS.Net;

namespace CloudConfig.Cache.Nats.Tests;

/// <summary>Whatever goes wrong underneath, callers meet the family's errors (rooted in <see cref="CloudConfigException"/>), never a NATS or decoding type.</summary>
[Collection(NatsCollection.Name)]
public sealed class NatsErrorTests(NatsServerFixture nats)
{
    [Fact]
    public async Task Get_ARecordSomeoneElseWroteIntoTheBucket_IsACacheErrorNamingNoValue()
    {
        var prefix = NatsServerFixture.NewPrefix();
        await using var cache = nats.CreateCache(prefix: prefix);
        var uuid = Guid.NewGuid();
        var secret = Secret.Generate();
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), secret));
        await using var raw = new NatsConnection(new NatsOpts { Url = nats.Server.Url });
        var bucket = await raw.CreateKeyValueStoreContext().GetStoreAsync($"{prefix}-entries");
        await bucket.PutAsync($"e.{uuid:N}", new byte[] { 1, 0xff, 0xfe }, NatsRawSerializer<byte[]>.Default);

        var error = await Assert.ThrowsAsync<ConfigCacheException>(() => cache.GetAsync(uuid));
        var fetch = await Assert.ThrowsAnyAsync<CloudConfigException>(() => cache.FetchAsync(uuid, InstanceCredential.FirstContact(secret, Secret.Generate())));

        Assert.Equal("A stored Registration record is corrupt or was not written by CloudConfig.", error.Message);
        Assert.IsNotType<ConfigCacheUnavailableException>(error);
        Assert.Equal(error.Message, fetch.Message);
    }

    [Fact]
    public async Task PreRegister_ServerOutOfStorage_IsUnavailableWithTheServersReason()
    {
        // A server allowed 1 MiB of file storage: the bucket is made, but 40 KiB registrations soon stop fitting.
        await using var server = await NatsServer.StartAsync("small", ports => $$"""
            listen: "127.0.0.1:{{ports.Client}}"
            jetstream { store_dir: "{{ports.StoreDirectory}}", max_file_store: 1048576 }
            """);
        await using var cache = NatsServerFixture.CreateCache(server, limits: new ConfigCacheLimits());
        var configuration = ConfigurationContent.FromBytes(new byte[40 * 1024]);

        var error = await Assert.ThrowsAsync<ConfigCacheUnavailableException>(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(Guid.NewGuid(), configuration, Secret.Generate()));
            }
        });

        // The server's own reason, not the key-value client's "key not found" for any refused create.
        Assert.Equal("insufficient resources", Assert.IsType<NatsJSApiException>(error.InnerException).Message);
    }

    [Fact]
    public async Task PreRegister_BucketRefusingTheValueForGood_IsACacheErrorWithTheServersReason()
    {
        // Someone made the entries bucket first, with values limited to 100 bytes: a refusal no retry changes.
        var prefix = NatsServerFixture.NewPrefix();
        await using var raw = new NatsConnection(new NatsOpts { Url = nats.Server.Url });
        await raw.CreateKeyValueStoreContext().CreateStoreAsync(new NatsKVConfig($"{prefix}-entries") { MaxValueSize = 100 });
        await using var cache = nats.CreateCache(prefix: prefix);
        var uuid = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<ConfigCacheException>(
            () => cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromBytes(new byte[1024]), Secret.Generate())));

        Assert.StartsWith("The NATS server of this site refused the request: message size exceeds maximum allowed (JetStream error 10054).", error.Message, StringComparison.Ordinal);
        Assert.IsType<NatsJSApiException>(error.InnerException);
        Assert.Null(await cache.GetAsync(uuid));
    }
}
