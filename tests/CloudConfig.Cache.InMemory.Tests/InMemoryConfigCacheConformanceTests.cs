using CloudConfig.Cache.Conformance;
using CloudConfig.Core;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Cache.InMemory.Tests;

public sealed class InMemoryConfigCacheConformanceTests : ConfigCacheConformanceTests
{
    protected override Task<IConfigCache> CreateCacheAsync(FakeTimeProvider time, ConfigCacheLimits limits) =>
        Task.FromResult<IConfigCache>(new InMemoryConfigCache(Options.Create(new InMemoryConfigCacheOptions { Limits = limits }), time));
}
