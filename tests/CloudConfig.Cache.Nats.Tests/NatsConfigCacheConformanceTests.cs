using CloudConfig.Cache.Conformance;
using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Cache.Nats.Tests;

[Collection(NatsCollection.Name)]
public sealed class NatsConfigCacheConformanceTests(NatsServerFixture nats) : ConfigCacheConformanceTests
{
    // Every claim is four compare-and-swap writes to a file-backed stream; exactly-once is what this proves, and
    // 2,000 entries among 32 claimers give as many conflicts per entry as 10,000 would. Throughput is benchmarked.
    protected override int ContendedEntries => 2_000;

    protected override Task<IConfigCache> CreateCacheAsync(FakeTimeProvider time, ConfigCacheLimits limits) =>
        Task.FromResult<IConfigCache>(nats.CreateCache(time, limits));
}
