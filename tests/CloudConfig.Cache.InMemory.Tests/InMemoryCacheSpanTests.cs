using System.Diagnostics;
using CloudConfig.Cache.Conformance;
using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory.Tests;

public sealed class InMemoryCacheSpanTests : CacheSpanConformanceTests
{
    protected override string SourceName => InMemoryConfigCache.ActivitySourceName;

    protected override ActivityKind Kind => ActivityKind.Internal;

    protected override IReadOnlyDictionary<string, object> BackendTags { get; } = new Dictionary<string, object>();

    // Its operations take less time than a measurement would.
    protected override bool Measures => false;

    protected override Task<IConfigCache> CreateCacheAsync(TestMeterFactory meters) => Task.FromResult<IConfigCache>(new InMemoryConfigCache());
}
