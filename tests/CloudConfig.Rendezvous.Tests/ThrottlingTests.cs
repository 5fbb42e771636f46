using System.Net;
using CloudConfig.Cache.Conformance;
using CloudConfig.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>Issue 10, items 8 and 11: failure budgets that hold under concurrency, never lock out the right credential, and cost nothing lasting.</summary>
public sealed class ThrottlingTests
{
    [Fact]
    public async Task Fetch_SixtyFourConcurrentWrongCredentialsFromOneAddress_OnlyTheBudgetReachesTheCheckAndTheRestGet429()
    {
        CountingConfigCache? counting = null;
        await using var server = await TestServer.StartAsync(
            configure: o => (o.FailuresPerAddress, o.FailuresPerEntry) = (20, 1_000),
            services: s => s.AddSingleton<IConfigCache>(counting = new CountingConfigCache(
                (IConfigCache)s.Last(d => d.ServiceType == typeof(IConfigCache)).ImplementationInstance!)));
        using var http = server.CreateHttpClient();
        using var start = new ManualResetEventSlim();

        var requests = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/instances/{Guid.NewGuid()}/configuration");
            request.Headers.TryAddWithoutValidation("Authorization", "CloudConfig-Trust " + Secret.Generate().Reveal());
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        })).ToArray();
        start.Set();
        var statuses = await Task.WhenAll(requests);

        Assert.Equal(20, counting!.Fetches);
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(44, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Fetch_RightCredentialAfterOtherAddressesSpentTheEntrysBudget_IsServedWhileWrongOnesGet429()
    {
        await using var server = await TestServer.StartAsync(
            configure: o => (o.FailuresPerAddress, o.FailuresPerEntry) = (5, 10),
            configureApp: TrustForwardedFor);
        var (uuid, trustKey) = await server.ClaimAsync();

        var attack = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            attack.Add(await FetchAsync(server, uuid, Secret.Generate(), $"203.0.113.{i}"));
        }

        var agent = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            agent.Add(await FetchAsync(server, uuid, trustKey, "198.51.100.7"));
        }

        var wrongFromAFreshAddress = await FetchAsync(server, uuid, Secret.Generate(), "198.51.100.8");

        Assert.Equal(10, attack.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(30, attack.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.All(agent, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, wrongFromAFreshAddress);
    }

    [Fact]
    public async Task Fetch_TwoHundredConcurrentAgentsFromOneAddress_AreNeverThrottled()
    {
        await using var server = await TestServer.StartAsync(configure: o => o.FailuresPerAddress = 20);
        var agents = new List<(Guid Uuid, Secret TrustKey)>();
        for (var i = 0; i < 200; i++)
        {
            agents.Add(await server.ClaimAsync());
        }

        using var http = server.CreateHttpClient();
        var statuses = await Task.WhenAll(agents.Select(agent => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/instances/{agent.Uuid}/configuration");
            request.Headers.TryAddWithoutValidation("Authorization", "CloudConfig-Trust " + agent.TrustKey.Reveal());
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        })));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Fetch_TwoAddressesOfOneIpv6Network_ShareOneBudget()
    {
        await using var server = await TestServer.StartAsync(
            configure: o => (o.FailuresPerAddress, o.FailuresPerEntry) = (3, 1_000),
            configureApp: TrustForwardedFor);

        var statuses = new List<HttpStatusCode>();
        foreach (var address in new[] { "2001:db8:0:1::1", "2001:db8:0:1::2", "2001:db8:0:1:ffff::3", "2001:db8:0:1::4", "2001:db8:0:2::1" })
        {
            statuses.Add(await FetchAsync(server, Guid.NewGuid(), Secret.Generate(), address));
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.NotFound], statuses);
    }

    [Fact]
    public async Task Fetch_FloodOfWrongCredentialsOnRandomUuids_LeavesBoundedStateAndOneLogLine()
    {
        const int Flood = 3_000;
        var counter = new InProcessFailureBudget(maxKeys: 500);
        var logs = new CapturingLoggerProvider();
        var server = await TestServer.StartAsync(
            configure: o => o.FailuresPerAddress = 1_000_000,
            logs: logs,
            services: s => s.AddSingleton<IFailureBudget>(counter));
        using var http = server.CreateHttpClient();
        var statuses = new List<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Flood), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, cancellationToken) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/instances/{Guid.NewGuid()}/configuration");
            request.Headers.TryAddWithoutValidation("Authorization", "CloudConfig-Trust " + Secret.Generate().Reveal());
            using var response = await http.SendAsync(request, cancellationToken);
            lock (statuses)
            {
                statuses.Add(response.StatusCode);
            }
        });

        var linesDuringTheFlood = logs.Lines.Count;
        await server.DisposeAsync();

        // Past 500 keys the uuids share 256 overflow counts, which fill up: those refusals say 429 instead of 404.
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.NotFound or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.InRange(counter.Count, 500, 500 + 256 + 1);
        Assert.Equal(0, linesDuringTheFlood);
        var summary = Assert.Single(logs.Lines);
        Assert.StartsWith($"Refused {Flood} requests", summary.Text, StringComparison.Ordinal);
    }

    private static void TrustForwardedFor(WebApplication app)
    {
        // Only these tests trust X-Forwarded-For, from the loopback proxy, to play many source addresses.
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor };
        forwarded.KnownProxies.Add(IPAddress.Loopback);
        forwarded.KnownProxies.Add(IPAddress.IPv6Loopback);
        app.UseForwardedHeaders(forwarded);
    }

    private static async Task<HttpStatusCode> FetchAsync(TestServer server, Guid uuid, Secret trustKey, string forwardedFor)
    {
        using var http = server.CreateHttpClient("CloudConfig-Trust " + trustKey.Reveal());
        http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.GetAsync($"/v1/instances/{uuid}/configuration");
        return response.StatusCode;
    }
}
