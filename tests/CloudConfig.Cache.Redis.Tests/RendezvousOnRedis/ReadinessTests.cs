using System.Diagnostics;
using System.Net;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using CloudConfig.Testing.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Redis.Tests.RendezvousOnRedis;

/// <summary>
/// Issue 10, item 13: readiness tells the truth about the cache behind the server; liveness does not depend on it.
/// This test owns its Redis, because it kills it.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ReadinessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Ready_RedisKilledThenRestarted_Answers503WhileItIsDownAndOkOnceItIsBack()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var server = await RendezvousServer.StartAsync(new RendezvousServerOptions
        {
            Configure = o => (o.ApiKey, o.ReadinessTimeout) = ("readiness-api-key-0123456789", TimeSpan.FromMilliseconds(500)),
            ConfigureBuilder = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Services.AddRedisConfigCache(o => (o.Configuration, o.KeyPrefix, o.OperationTimeout) = (redis.ConnectionString, RedisServerFixture.NewPrefix(), TimeSpan.FromSeconds(1)));
            },
        });
        using var http = new HttpClient { BaseAddress = server.Urls[0] };

        // The cache connects on first use, which may take longer than one probe allows.
        await WaitForAsync(http, "/v1/health/ready", HttpStatusCode.OK);
        redis.Kill();
        await WaitForAsync(http, "/v1/health/ready", HttpStatusCode.ServiceUnavailable);
        var downBody = await (await http.GetAsync("/v1/health/ready")).Content.ReadAsStringAsync();
        var liveWhileDown = await StatusAsync(http, "/v1/health/live");
        var legacyWhileDown = await StatusAsync(http, "/v1/health");
        await redis.RestartAsync();
        await WaitForAsync(http, "/v1/health/ready", HttpStatusCode.OK);

        Assert.Equal("""{"status":"unavailable"}""", downBody);
        Assert.Equal(HttpStatusCode.OK, liveWhileDown);
        Assert.Equal(HttpStatusCode.OK, legacyWhileDown);
    }

    [Fact]
    public async Task RedisCheck_InTheServersReadiness_ReportsPingWhileUpAndUnhealthyWhileKilled()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var server = await RendezvousServer.StartAsync(new RendezvousServerOptions
        {
            Configure = o => (o.ApiKey, o.ReadinessTimeout) = ("readiness-api-key-0123456789", TimeSpan.FromMilliseconds(500)),
            ConfigureBuilder = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Services.AddRedisConfigCache(o => (o.Configuration, o.KeyPrefix, o.OperationTimeout) = (redis.ConnectionString, RedisServerFixture.NewPrefix(), TimeSpan.FromSeconds(1)));
                builder.Services.AddHealthChecks().AddRedisConfigCacheCheck(timeout: TimeSpan.FromSeconds(5));
            },
        });
        using var http = new HttpClient { BaseAddress = server.Urls[0] };
        var health = server.Services.GetRequiredService<HealthCheckService>();

        await WaitForAsync(http, "/v1/health/ready", HttpStatusCode.OK);
        var up = await ReadinessOfRedisAsync(health);
        redis.Kill();
        await WaitForAsync(http, "/v1/health/ready", HttpStatusCode.ServiceUnavailable);
        var down = await ReadinessOfRedisAsync(health);
        await redis.RestartAsync();
        await WaitForAsync(http, "/v1/health/ready", HttpStatusCode.OK);
        var back = await ReadinessOfRedisAsync(health);

        Assert.Equal(HealthStatus.Healthy, up.Status);
        Assert.True(up.Data["latency_ms"] is double latency && latency >= 0);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.DoesNotContain(redis.ConnectionString, down.Description ?? "", StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, back.Status);
    }

    // What the server's readiness route runs: the checks tagged for readiness, here the Redis check among them.
    private static async Task<HealthReportEntry> ReadinessOfRedisAsync(HealthCheckService health)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(CloudConfigHealth.ReadinessTag));
        return Assert.Single(report.Entries, e => e.Key == "redis-config-cache").Value;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return response.StatusCode;
    }

    private static async Task WaitForAsync(HttpClient http, string path, HttpStatusCode expected)
    {
        var deadline = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = await StatusAsync(http, path)) != expected)
        {
            Assert.True(deadline.Elapsed < Patience, $"{path} still answered {status}, not {expected}.");
            await Task.Delay(50);
        }
    }
}
