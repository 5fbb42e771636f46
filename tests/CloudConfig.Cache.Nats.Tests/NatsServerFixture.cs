using System.Diagnostics.Metrics;
using CloudConfig.Cache.Conformance;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Nats.Tests;

/// <summary>
/// One real nats-server with JetStream for the whole suite. Each cache it hands out gets its own bucket prefix, so
/// tests never see each other's entries. Fails (never skips) when nats-server is not installed.
/// </summary>
public sealed class NatsServerFixture : IAsyncLifetime
{
    public NatsServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await NatsServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>A cache on this server under a fresh bucket prefix.</summary>
    public NatsConfigCache CreateCache(TimeProvider? time = null, ConfigCacheLimits? limits = null, string? prefix = null, Action<NatsConfigCacheOptions>? configure = null, IMeterFactory? meterFactory = null) =>
        CreateCache(Server, time, limits, prefix, configure, meterFactory);

    /// <summary>A cache on <paramref name="server"/> under a fresh bucket prefix.</summary>
    public static NatsConfigCache CreateCache(NatsServer server, TimeProvider? time = null, ConfigCacheLimits? limits = null, string? prefix = null, Action<NatsConfigCacheOptions>? configure = null, IMeterFactory? meterFactory = null)
    {
        var options = new NatsConfigCacheOptions
        {
            Url = server.Url,
            BucketPrefix = prefix ?? NewPrefix(),
            Limits = limits ?? ConfigCacheConformanceTests.Limits,
            OperationTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new NatsConfigCache(Options.Create(options), time, meterFactory: meterFactory);
    }

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];
}
