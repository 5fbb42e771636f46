using CloudConfig.Core;

namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>
/// An instance that asks its cloud the moment its entry was registered on premises (the registration may still be on
/// its way, while the cloud's mirror reports no lag) is told to try again, never refused for good.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class FederationInFlightTests(FederationFixture fixture)
{
    private const int Rounds = 40;

    [Fact]
    public async Task FirstContactRightAfterRegistration_IsServedOrToldToRetryButNeverRefused()
    {
        var prefix = NatsServerFixture.NewPrefix();
        await using var registry = fixture.CreateRegistry(prefix);
        await using var cloud = fixture.CreateCloudCache(FederationFixture.CloudA, prefix);
        await registry.GetAsync(Guid.NewGuid());
        await cloud.GetAsync(Guid.NewGuid());
        await fixture.Federation.SettleAsync(FederationFixture.CloudA, prefix);
        var (served, retried) = (0, 0);

        for (var i = 0; i < Rounds; i++)
        {
            var (uuid, bootSecret, trustKey) = (Guid.NewGuid(), Secret.Generate(), Secret.Generate());
            await registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), bootSecret) with { Domain = FederationFixture.CloudA });
            try
            {
                await cloud.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
                served++;
            }
            catch (ConfigCacheUnavailableException)
            {
                retried++;
                await Eventually.TrueAsync(async () => await cloud.GetAsync(uuid) is not null, "the registration arrives");
                await cloud.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
            }
        }

        Assert.Equal(Rounds, served + retried);
        var unknown = Guid.NewGuid();
        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => cloud.FetchAsync(unknown, InstanceCredential.FirstContact(Secret.Generate(), Secret.Generate())));
    }
}
