using System.Diagnostics;
using CloudConfig.Cache.Conformance;
using CloudConfig.Core;

namespace CloudConfig.Cache.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisCacheSpanTests(RedisServerFixture redis) : CacheSpanConformanceTests
{
    protected override string SourceName => RedisConfigCache.ActivitySourceName;

    protected override ActivityKind Kind => ActivityKind.Client;

    protected override IReadOnlyDictionary<string, object> BackendTags => new Dictionary<string, object>
    {
        ["db.system.name"] = "redis",
        ["db.namespace"] = "0",
        ["server.address"] = "127.0.0.1",
        ["server.port"] = redis.Server.Port,
    };

    protected override bool Measures => true;

    protected override Task<IConfigCache> CreateCacheAsync(TestMeterFactory meters) =>
        Task.FromResult<IConfigCache>(redis.CreateCache(meterFactory: meters));
}
