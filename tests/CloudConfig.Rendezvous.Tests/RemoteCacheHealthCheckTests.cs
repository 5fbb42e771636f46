using System.Net;
using System.Net.Sockets;
using CloudConfig.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudConfig.Rendezvous.Tests;

/// <summary><c>AddRendezvousConfigCacheCheck</c>: the app's remote cache is healthy while its server's readiness answers 200.</summary>
public sealed class RemoteCacheHealthCheckTests
{
    [Fact]
    public async Task RendezvousCacheCheck_ServerReady_IsHealthyAndTaggedForReadiness()
    {
        await using var server = await TestServer.StartAsync();
        var entry = await CheckAsync(server.BaseAddress);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains(CloudConfigHealth.ReadinessTag, entry.Tags);
    }

    [Fact]
    public async Task RendezvousCacheCheck_ServerAnswersNotReady_IsUnhealthyAndSaysWhatItAnswered()
    {
        await using var listener = await HandlerListener.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        var entry = await CheckAsync(listener.BaseAddress);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("The rendezvous server is not ready (it answered 503).", entry.Description);
        Assert.Equal(1, listener.Requests);
    }

    [Fact]
    public async Task RendezvousCacheCheck_NothingListening_IsUnhealthyAndUnreachable()
    {
        var entry = await CheckAsync(new Uri($"http://127.0.0.1:{ClosedPort()}/"));

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("The rendezvous server could not be reached.", entry.Description);
    }

    [Fact]
    public async Task RendezvousCacheCheck_CustomTags_ReplaceTheReadinessTag()
    {
        await using var server = await TestServer.StartAsync();
        var entry = await CheckAsync(server.BaseAddress, tags: ["live"]);

        Assert.Equal(["live"], entry.Tags);
    }

    private static async Task<HealthReportEntry> CheckAsync(Uri server, IEnumerable<string>? tags = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRendezvousConfigCache(o => (o.BaseAddress, o.ApiKey) = (server, TestServer.ApiKey));
        services.AddHealthChecks().AddRendezvousConfigCacheCheck(tags: tags, timeout: TimeSpan.FromSeconds(20));
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return Assert.Single(report.Entries, e => e.Key == "rendezvous-config-cache").Value;
    }

    private static int ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
