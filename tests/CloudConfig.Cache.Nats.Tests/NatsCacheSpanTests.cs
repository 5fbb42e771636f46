using System.Diagnostics;
using CloudConfig.Cache.Conformance;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats.Tests;

[Collection(NatsCollection.Name)]
public sealed class NatsCacheSpanTests(NatsServerFixture nats) : CacheSpanConformanceTests
{
    private readonly string _prefix = NatsServerFixture.NewPrefix();

    protected override string SourceName => NatsConfigCache.ActivitySourceName;

    protected override ActivityKind Kind => ActivityKind.Client;

    protected override IReadOnlyDictionary<string, object> BackendTags => new Dictionary<string, object>
    {
        ["db.system.name"] = "nats",
        ["db.namespace"] = _prefix,
        ["server.address"] = "127.0.0.1",
        ["server.port"] = nats.Server.Ports.Client,
    };

    protected override bool Measures => true;

    protected override Task<IConfigCache> CreateCacheAsync(TestMeterFactory meters) =>
        Task.FromResult<IConfigCache>(nats.CreateCache(prefix: _prefix, meterFactory: meters));
}
