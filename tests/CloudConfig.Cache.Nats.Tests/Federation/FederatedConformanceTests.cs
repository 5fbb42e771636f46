using CloudConfig.Cache.Conformance;
using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>
/// The conformance suite over a federated pair: the app's side on premises, the instances' side in the cloud, with
/// every rule holding across the leaf link (see <see cref="FederatedPairCache"/> for the settle step).
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class FederatedConformanceTests(FederationFixture fixture) : ConfigCacheConformanceTests
{
    // Registered on premises, claimed in the cloud: as many entries as the single-site NATS suite.
    protected override int ContendedEntries => 2_000;

    protected override async Task<IConfigCache> CreateCacheAsync(FakeTimeProvider time, ConfigCacheLimits limits)
    {
        var prefix = NatsServerFixture.NewPrefix();
        var registry = fixture.CreateRegistry(prefix, time, limits, defaultDomain: FederationFixture.CloudA);
        var rendezvous = fixture.CreateCloudCache(FederationFixture.CloudA, prefix, time, limits);
        // Both sites create their buckets (and so their mirrors), and the mirrors link up, before the suite starts.
        await registry.GetAsync(Guid.NewGuid());
        await rendezvous.GetAsync(Guid.NewGuid());
        await fixture.Federation.SettleAsync(FederationFixture.CloudA, prefix);
        return new FederatedPairCache(fixture.Federation, FederationFixture.CloudA, prefix, registry, rendezvous);
    }
}
