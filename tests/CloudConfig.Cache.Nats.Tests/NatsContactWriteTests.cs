using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using Microsoft.Extensions.Time.Testing;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;
using NATS.Net;

namespace CloudConfig.Cache.Nats.Tests;

/// <summary>
/// A trusted fetch writes the instance's contact only when this process recorded none within
/// <see cref="NatsConfigCacheOptions.ContactWriteInterval"/>; what it skips is only that write, never a check.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class NatsContactWriteTests(NatsServerFixture nats)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Fetch_WithinTheIntervalOfTheLastContact_WritesNothingAndAfterItRecordsTheContact()
    {
        var prefix = NatsServerFixture.NewPrefix();
        var time = new FakeTimeProvider(Start);
        await using var cache = nats.CreateCache(time, prefix: prefix, configure: o => o.ContactWriteInterval = TimeSpan.FromSeconds(5));
        var (uuid, trustKey) = await ClaimAsync(cache);
        var claimedRevision = await InstanceRevisionAsync(prefix, uuid);

        time.Advance(TimeSpan.FromSeconds(4));
        var within = await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
        var revisionWithin = await InstanceRevisionAsync(prefix, uuid);
        time.Advance(TimeSpan.FromSeconds(2));
        await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));

        Assert.Equal("echo", within.Configuration.AsText());
        Assert.Equal(claimedRevision, revisionWithin);
        Assert.True(await InstanceRevisionAsync(prefix, uuid) > claimedRevision);
        Assert.Equal(Start.AddSeconds(6), (await cache.GetAsync(uuid))!.LastContactAt);
    }

    [Fact]
    public async Task Fetch_WithinTheInterval_StillRefusesAnotherTrustKeyAndSeesRemovalsAndUpdates()
    {
        await using var cache = nats.CreateCache(new FakeTimeProvider(Start));
        var (uuid, trustKey) = await ClaimAsync(cache);

        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => cache.FetchAsync(uuid, InstanceCredential.Trusted(Secret.Generate())));
        await cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("echo 2"));
        var updated = await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
        await cache.RemoveAsync(uuid);

        Assert.Equal(2, updated.Generation);
        Assert.Equal("echo 2", updated.Configuration.AsText());
        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey)));
    }

    [Fact]
    public async Task Fetch_AnotherProcessRegisteredTheUuidAgain_IsRefusedForTheOldTrustKey()
    {
        var prefix = NatsServerFixture.NewPrefix();
        await using var rendezvous = nats.CreateCache(new FakeTimeProvider(Start), prefix: prefix);
        await using var app = nats.CreateCache(prefix: prefix);
        var (uuid, trustKey) = await ClaimAsync(app);
        await rendezvous.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));

        await app.RemoveAsync(uuid);
        var bootSecret = Secret.Generate();
        await app.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("again"), bootSecret));

        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => rendezvous.FetchAsync(uuid, InstanceCredential.Trusted(trustKey)));
        Assert.Equal("again", (await rendezvous.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate()))).Configuration.AsText());
    }

    [Fact]
    public async Task Fetch_WithAZeroInterval_RecordsEveryContact()
    {
        var prefix = NatsServerFixture.NewPrefix();
        await using var cache = nats.CreateCache(new FakeTimeProvider(Start), prefix: prefix, configure: o => o.ContactWriteInterval = TimeSpan.Zero);
        var (uuid, trustKey) = await ClaimAsync(cache);
        var claimedRevision = await InstanceRevisionAsync(prefix, uuid);

        await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));

        Assert.True(await InstanceRevisionAsync(prefix, uuid) > claimedRevision);
    }

    private static async Task<(Guid Uuid, Secret TrustKey)> ClaimAsync(NatsConfigCache cache)
    {
        var (uuid, bootSecret, trustKey) = (Guid.NewGuid(), Secret.Generate(), Secret.Generate());
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), bootSecret));
        await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        return (uuid, trustKey);
    }

    private async Task<ulong> InstanceRevisionAsync(string prefix, Guid uuid)
    {
        await using var client = new NatsConnection(new NatsOpts { Url = nats.Server.Url });
        var store = await client.CreateKeyValueStoreContext().GetStoreAsync($"{prefix}-instances");
        return (await store.GetEntryAsync<byte[]>("e." + uuid.ToString("N"), serializer: NatsRawSerializer<byte[]>.Default)).Revision;
    }
}
