using System.Net;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>Issue 10, item 13: liveness (<c>/v1/health/live</c>, and <c>/v1/health</c> as before) apart from readiness (<c>/v1/health/ready</c>).</summary>
public sealed class HealthTests
{
    [Theory]
    [InlineData("/v1/health")]
    [InlineData("/v1/health/live")]
    [InlineData("/v1/health/ready")]
    public async Task Health_CacheAnswering_AnswersOkWithoutCredentials(string path)
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task Ready_CacheUnavailable_Answers503WhileLivenessStaysOk()
    {
        var cache = new Mock<IConfigCache>();
        cache.Setup(c => c.GetAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ThrowsAsync(new ConfigCacheUnavailableException("down"));
        await using var server = await TestServer.StartAsync(services: s => s.AddSingleton(cache.Object));
        using var http = server.CreateHttpClient();

        using var ready = await http.GetAsync("/v1/health/ready");
        using var live = await http.GetAsync("/v1/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal("""{"status":"unavailable"}""", body);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_CacheNotAnsweringWithinTheReadinessTimeout_Answers503()
    {
        var cache = new Mock<IConfigCache>();
        cache.Setup(c => c.GetAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .Returns((Guid _, CancellationToken token) => Task.Delay(Timeout.Infinite, token).ContinueWith<ConfigEntry?>(_ => throw new OperationCanceledException(token), TaskScheduler.Default));
        await using var server = await TestServer.StartAsync(configure: o => o.ReadinessTimeout = TimeSpan.FromMilliseconds(200), services: s => s.AddSingleton(cache.Object));
        using var http = server.CreateHttpClient();

        using var ready = await http.GetAsync("/v1/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task Ready_OnceTheServerIsStopping_Answers503()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var lifetime = server.Server.Services.GetRequiredService<IHostApplicationLifetime>();
        var readyBefore = (await http.GetAsync("/v1/health/ready")).StatusCode;

        // Only signals stopping: nothing here waits for shutdown to stop the host, so it still answers.
        lifetime.StopApplication();
        using var ready = await http.GetAsync("/v1/health/ready");

        Assert.Equal(HttpStatusCode.OK, readyBefore);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
