using CloudConfig.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>
/// The tombstone pitfall: a removal marker forgotten at the origin before a mirror saw it never reaches that mirror,
/// which then keeps the entry for good. The on-premises sweep forgets a marker only once the cloud's mirror has it,
/// however old it is; run here on one cloud's link directly, while cut, as the registry's sweep would meet a mirror
/// still catching up.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class FederationRemovalMarkerTests(FederationFixture fixture)
{
    [Fact]
    public async Task RemovalMarker_PastItsRetentionButNotYetInTheCloud_IsKeptUntilTheCloudHasItAndTheEntryStaysRemoved()
    {
        var federation = fixture.Federation;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var prefix = NatsServerFixture.NewPrefix();
        var options = new FederatedConfigRegistryOptions { BucketPrefix = prefix, OperationTimeout = TimeSpan.FromSeconds(10), RemovalMarkerRetention = TimeSpan.FromHours(1) };
        await using var link = new CloudLink(federation.LinkOptions(FederationFixture.CloudA), StoreSettings.From(options), time, NullLogger.Instance);
        await using var cloud = fixture.CreateCloudCache(FederationFixture.CloudA, prefix, time);
        var uuid = Guid.NewGuid();
        await link.Registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), Secret.Generate()) with { Domain = FederationFixture.CloudA }, CancellationToken.None);
        await cloud.GetAsync(Guid.NewGuid());
        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        Assert.NotNull(await cloud.GetAsync(uuid));

        Exception? markerDuringCut;
        federation[FederationFixture.CloudA].Link.Cut();
        try
        {
            Assert.True(await link.Registry.RemoveAsync(uuid, CancellationToken.None));
            time.Advance(TimeSpan.FromHours(2));
            await link.Registry.RemoveStaleAsync(TimeSpan.FromDays(1), CancellationToken.None);
            markerDuringCut = await ReadOnPremisesAsync(prefix, uuid);
        }
        finally
        {
            federation[FederationFixture.CloudA].Link.Restore();
        }

        await federation.WaitUntilLinkedAsync(2);
        await federation.SettleAsync(FederationFixture.CloudA, prefix);
        var inCloudOnceBack = await cloud.GetAsync(uuid);
        await link.Registry.RemoveStaleAsync(TimeSpan.FromDays(1), CancellationToken.None);
        var markerOnceMirrored = await ReadOnPremisesAsync(prefix, uuid);
        await federation.SettleAsync(FederationFixture.CloudA, prefix);

        Assert.IsType<NatsKVKeyDeletedException>(markerDuringCut);
        Assert.Null(inCloudOnceBack);
        Assert.IsType<NatsKVKeyNotFoundException>(markerOnceMirrored);
        Assert.Null(await cloud.GetAsync(uuid));
        Assert.Null(await link.Registry.GetAsync(uuid, CancellationToken.None));
    }

    /// <summary>How the entry's key reads in the on-premises bucket: null for a value, else why there is none.</summary>
    private async Task<Exception?> ReadOnPremisesAsync(string prefix, Guid uuid)
    {
        var kv = new NatsKVContext((NatsJSContext)fixture.Federation.OnPremisesProbe(FederationFixture.CloudA));
        var store = await kv.GetStoreAsync($"{prefix}-entries");
        var result = await store.TryGetEntryAsync<byte[]>("e." + uuid.ToString("N"));
        return result.Success ? null : result.Error;
    }
}
