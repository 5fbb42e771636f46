using System.Net;
using System.Net.Sockets;
using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudConfig.Deltacloud.Tests;

/// <summary><c>AddDeltacloudCheck</c> against a real (embedded) Deltacloud endpoint on loopback.</summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task DeltacloudCheck_EndpointUpWithRightCredentials_IsHealthyAndTaggedForReadiness()
    {
        await using var cloud = await EmbeddedDeltacloud.StartAsync();
        var entry = await CheckAsync(cloud.ApiUrl, cloud.Username, cloud.Password);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains(CloudConfigHealth.ReadinessTag, entry.Tags);
    }

    [Fact]
    public async Task DeltacloudCheck_WrongPassword_IsUnhealthyAndNamesTheRefusalButNotThePassword()
    {
        await using var cloud = await EmbeddedDeltacloud.StartAsync();
        var entry = await CheckAsync(cloud.ApiUrl, cloud.Username, "wrong-password-8675309");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("The Deltacloud endpoint refuses the credentials.", entry.Description);
        Assert.DoesNotContain("8675309", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeltacloudCheck_NothingListening_IsUnhealthyWithTheTransportError()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/api");
        var entry = await CheckAsync(url, "user", "password");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.IsAssignableFrom<DeltacloudException>(entry.Exception);
    }

    private static async Task<HealthReportEntry> CheckAsync(Uri url, string user, string password)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDeltacloudClient(o => (o.BaseUrl, o.Username, o.Password, o.MaxRetryAttempts) = (url, user, password, 0));
        services.AddHealthChecks().AddDeltacloudCheck(timeout: TimeSpan.FromSeconds(20));
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return Assert.Single(report.Entries, e => e.Key == "deltacloud").Value;
    }

    private static int ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
