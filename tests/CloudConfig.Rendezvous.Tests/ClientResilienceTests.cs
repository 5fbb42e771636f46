using System.Net;
using System.Net.Sockets;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.AspNetCore.Http;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>The clients against a scripted Kestrel listener: which answers are retried and which are final.</summary>
public sealed class ClientResilienceTests
{
    private const string Configuration = """{"uuid":"6f1c1d54-8a3c-4a43-9f55-6f7b1d3c2a10","configuration":{"contentType":"text/plain","base64":"eA=="},"generation":1}""";

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(429)]
    public async Task Fetch_TransientStatusThenSuccess_IsRetriedAndSucceeds(int transient)
    {
        await using var server = await ScriptedServer.StartAsync([transient, transient, 200]);
        using var client = Client(server.BaseAddress);

        var fetched = await client.FetchAsync(Guid.NewGuid(), InstanceCredential.Trusted(Secret.Generate()));

        Assert.Equal(1, fetched.Generation);
        Assert.Equal(3, server.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(413)]
    public async Task Fetch_Refusal_IsNeverRetried(int refusal)
    {
        await using var server = await ScriptedServer.StartAsync([refusal, 200]);
        using var client = Client(server.BaseAddress);

        await Assert.ThrowsAnyAsync<ConfigCacheException>(() => client.FetchAsync(Guid.NewGuid(), InstanceCredential.Trusted(Secret.Generate())));

        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task AssignDynamic_ServerErrorAfterProcessing_IsNotRetriedBlindly()
    {
        await using var server = await ScriptedServer.StartAsync([503, 200]);
        using var client = Client(server.BaseAddress);

        await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => client.AssignDynamicAsync("web", Secret.Generate(), Secret.Generate()));

        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task AssignDynamic_RateLimited_IsRetriedHonouringRetryAfter()
    {
        await using var server = await ScriptedServer.StartAsync([429, 200]);
        using var client = Client(server.BaseAddress);

        var assigned = await client.AssignDynamicAsync("web", Secret.Generate(), Secret.Generate());

        Assert.Equal(1, assigned.Generation);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task Fetch_NothingListening_ThrowsUnavailableAfterRetries()
    {
        using var client = Client(new Uri($"http://127.0.0.1:{FreePort()}/"));

        await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => client.FetchAsync(Guid.NewGuid(), InstanceCredential.Trusted(Secret.Generate())));
    }

    [Fact]
    public async Task AppCache_NothingListening_ThrowsUnavailable()
    {
        using var app = new RendezvousConfigCache(Microsoft.Extensions.Options.Options.Create(new RendezvousConfigCacheOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/"),
            ApiKey = "key",
            MaxRetryAttempts = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        }));

        await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => app.GetAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task AppCache_WrongApiKey_ThrowsAConfigCacheExceptionNaming401()
    {
        await using var server = await TestServer.StartAsync();
        using var app = new RendezvousConfigCache(Microsoft.Extensions.Options.Options.Create(new RendezvousConfigCacheOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = "wrong-wrong-wrong-wrong-wrong",
        }));

        var error = await Assert.ThrowsAsync<ConfigCacheException>(() => app.RemoveStaleAsync(TimeSpan.FromMinutes(1)));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    private static RendezvousInstanceClient Client(Uri baseAddress) => new(baseAddress, new RendezvousInstanceClientOptions
    {
        MaxRetryAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A Kestrel listener that answers the scripted statuses in order, then the last one.</summary>
    private static class ScriptedServer
    {
        public static Task<HandlerListener> StartAsync(int[] statuses)
        {
            var answered = 0;
            return HandlerListener.StartAsync(async context =>
            {
                var n = Interlocked.Increment(ref answered);
                var status = statuses[Math.Min(n, statuses.Length) - 1];
                context.Response.StatusCode = status;
                if (status == 200)
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(Configuration);
                }
                else if (status == 429)
                {
                    context.Response.Headers.RetryAfter = "0";
                }
            });
        }
    }
}
