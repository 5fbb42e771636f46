using CloudConfig.Cache.Conformance;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>
/// The whole conformance suite through HTTP: a RendezvousConfigCache talking to a real Kestrel listener on
/// loopback, backed by an in-memory cache on the suite's fake clock (the client keeps the real clock for retries).
/// </summary>
public sealed class RendezvousConformanceTests : ConfigCacheConformanceTests
{
    private TestServer? _server;

    protected override async Task<IConfigCache> CreateCacheAsync(FakeTimeProvider time, ConfigCacheLimits limits)
    {
        // The suite provokes refusals on purpose; the failure limits are tested on their own elsewhere.
        _server = await TestServer.StartAsync(time, limits, options =>
        {
            options.FailuresPerAddress = 100_000;
            options.FailuresPerEntry = 100_000;
        });
        return _server.CreateAppClient();
    }

    protected override async Task DisposeCacheAsync(IConfigCache cache)
    {
        ((RendezvousConfigCache)cache).Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
