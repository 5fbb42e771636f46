using CloudConfig.Cache.Conformance;
using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Cache.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisConfigCacheConformanceTests(RedisServerFixture redis) : ConfigCacheConformanceTests
{
    protected override Task<IConfigCache> CreateCacheAsync(FakeTimeProvider time, ConfigCacheLimits limits) =>
        Task.FromResult<IConfigCache>(redis.CreateCache(time, limits));
}
