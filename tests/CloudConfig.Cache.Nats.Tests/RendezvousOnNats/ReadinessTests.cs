using System.Net;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using CloudConfig.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Nats.Tests.RendezvousOnNats;

/// <summary>
/// The NATS check in a rendezvous server's readiness: healthy while NATS and its JetStream answer, unhealthy (and the
/// server not ready) while the server is stopped, healthy again once it is back. This test owns its server, because it
/// kills it.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class ReadinessTests
{
    [Fact]
    public async Task NatsCheck_InTheServersReadiness_HealthyWhileUpUnhealthyWhileStoppedHealthyAfterRestart()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var server = await RendezvousServer.StartAsync(new RendezvousServerOptions
        {
            Configure = o => (o.ApiKey, o.ReadinessTimeout) = ("readiness-api-key-0123456789", TimeSpan.FromMilliseconds(500)),
            ConfigureBuilder = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Services.AddNatsConfigCache(o => (o.Url, o.BucketPrefix, o.OperationTimeout) = (nats.Url, NatsServerFixture.NewPrefix(), TimeSpan.FromSeconds(1)));
                builder.Services.AddHealthChecks().AddNatsConfigCacheCheck(timeout: TimeSpan.FromSeconds(5));
            },
        });
        using var http = new HttpClient { BaseAddress = server.Urls[0] };
        var health = server.Services.GetRequiredService<HealthCheckService>();

        // The cache connects on first use, which may take longer than one probe allows.
        await ReadinessProbe.WaitForAsync(http, HttpStatusCode.OK);
        var up = await ReadinessOfNatsAsync(health);
        nats.Kill();
        await ReadinessProbe.WaitForAsync(http, HttpStatusCode.ServiceUnavailable);
        var down = await ReadinessOfNatsAsync(health);
        await nats.RestartAsync();
        await ReadinessProbe.WaitForAsync(http, HttpStatusCode.OK);
        var back = await ReadinessOfNatsAsync(health);

        Assert.Equal(HealthStatus.Healthy, up.Status);
        Assert.True(up.Data["latency_ms"] is double latency && latency >= 0);
        Assert.Equal("open", up.Data["connection"]);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Equal("NATS is unavailable.", down.Description);
        Assert.NotEqual("open", down.Data["connection"]);
        Assert.IsType<ConfigCacheUnavailableException>(down.Exception);
        Assert.Equal(HealthStatus.Healthy, back.Status);
    }

    [Fact]
    public async Task NatsCheck_ServerWithoutJetStream_IsUnhealthyThoughItAnswersPings()
    {
        await using var nats = await NatsServer.StartAsync("no-jetstream", ports => $"listen: \"127.0.0.1:{ports.Client}\"");
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddNatsConfigCache(o => (o.Url, o.OperationTimeout) = (nats.Url, TimeSpan.FromSeconds(1)))
            .AddHealthChecks().AddNatsConfigCacheCheck().Services
            .BuildServiceProvider();

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = Assert.Single(report.Entries, e => e.Key == "nats-config-cache").Value;
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("NATS answers, but its JetStream does not.", entry.Description);
        Assert.Equal("open", entry.Data["connection"]);
        Assert.True(entry.Data["latency_ms"] is double latency && latency >= 0);
        Assert.Contains(CloudConfigHealth.ReadinessTag, entry.Tags);
        Assert.DoesNotContain(nats.Url, entry.Description ?? "", StringComparison.Ordinal);
    }

    // What the server's readiness route runs: the checks tagged for readiness, here the NATS check among them.
    private static async Task<HealthReportEntry> ReadinessOfNatsAsync(HealthCheckService health)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(CloudConfigHealth.ReadinessTag));
        return Assert.Single(report.Entries, e => e.Key == "nats-config-cache").Value;
    }
}
