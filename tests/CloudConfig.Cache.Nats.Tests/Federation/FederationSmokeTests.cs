using CloudConfig.Core;

namespace CloudConfig.Cache.Nats.Tests.Federation;

[Collection(FederationCollection.Name)]
public sealed class FederationSmokeTests(FederationFixture fixture)
{
    [Fact]
    public async Task RegisterOnPremises_FetchInTheCloud_ReportSeenOnPremises()
    {
        var prefix = NatsServerFixture.NewPrefix();
        await using var registry = fixture.CreateRegistry(prefix);
        await using var cloud = fixture.CreateCloudCache(FederationFixture.CloudA, prefix);
        var uuid = Guid.NewGuid();
        var boot = Secret.Generate();
        var trust = Secret.Generate();
        await registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), boot) with { Domain = FederationFixture.CloudA });
        await cloud.GetAsync(uuid);
        await fixture.Federation.SettleAsync(FederationFixture.CloudA, prefix);
        var fetched = await cloud.FetchAsync(uuid, InstanceCredential.FirstContact(boot, trust));
        await cloud.UpdateCacheAsync(uuid, trust, new InstanceReport(new InstanceStatus(InstanceState.Configured)) { Address = "10.0.0.9" });
        await fixture.Federation.SettleAsync(FederationFixture.CloudA, prefix);
        var entry = await registry.GetAsync(uuid);

        Assert.Equal(uuid, fetched.Uuid);
        Assert.Equal("10.0.0.9", entry!.Address);
    }
}
