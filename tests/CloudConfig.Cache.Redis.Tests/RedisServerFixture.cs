using System.Diagnostics.Metrics;
using CloudConfig.Cache.Conformance;
using CloudConfig.Core;
using CloudConfig.Testing.Redis;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Redis.Tests;

/// <summary>
/// One real redis-server for the whole suite. Each cache it hands out gets its own key prefix, so tests never see
/// each other's entries. Fails (never skips) when redis-server is not installed.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>A cache on this server under a fresh key prefix.</summary>
    public RedisConfigCache CreateCache(TimeProvider? time = null, ConfigCacheLimits? limits = null, string? keyPrefix = null, Action<RedisConfigCacheOptions>? configure = null, IMeterFactory? meterFactory = null) =>
        CreateCache(Server, time, limits, keyPrefix, configure, meterFactory);

    /// <summary>A cache on <paramref name="server"/> under a fresh key prefix.</summary>
    public static RedisConfigCache CreateCache(RedisServer server, TimeProvider? time = null, ConfigCacheLimits? limits = null, string? keyPrefix = null, Action<RedisConfigCacheOptions>? configure = null, IMeterFactory? meterFactory = null)
    {
        var options = new RedisConfigCacheOptions
        {
            Configuration = server.ConnectionString,
            KeyPrefix = keyPrefix ?? NewPrefix(),
            Limits = limits ?? ConfigCacheConformanceTests.Limits,
            OperationTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new RedisConfigCache(Options.Create(options), time, meterFactory: meterFactory);
    }

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];
}
