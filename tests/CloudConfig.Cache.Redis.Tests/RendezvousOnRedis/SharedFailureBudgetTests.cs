using System.Diagnostics;
using System.Net;
using CloudConfig.Cache.Conformance;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis.Tests.RendezvousOnRedis;

/// <summary>
/// Issue 10, item 8 on Redis: the failure budgets live in Redis, so two servers on one Redis share them, a restart
/// forgets nothing, concurrency cannot get more verdicts than the budget, and a flood leaves nothing behind.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SharedFailureBudgetTests(RedisServerFixture redis) : IAsyncLifetime
{
    private const string ApiKey = "shared-budget-api-key-0123456789";
    private readonly string _prefix = RedisServerFixture.NewPrefix();
    private readonly List<RunningRendezvousServer> _servers = [];
    private readonly List<CountingConfigCache> _caches = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task AddressBudget_TwoServersOnOneRedis_IsSharedAndSurvivesARestart()
    {
        var first = await StartServerAsync(perAddress: 6, perEntry: 1_000);
        var second = await StartServerAsync(perAddress: 6, perEntry: 1_000);
        var (uuid, trustKey) = await ClaimAsync(first);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await FetchAsync(i % 2 == 0 ? first : second, Guid.NewGuid(), Secret.Generate()));
        }

        var throughFirst = await FetchAsync(first, Guid.NewGuid(), Secret.Generate());
        var throughSecond = await FetchAsync(second, Guid.NewGuid(), Secret.Generate());
        await first.DisposeAsync();
        _servers.Remove(first);
        var restarted = await StartServerAsync(perAddress: 6, perEntry: 1_000);
        var afterRestart = await FetchAsync(restarted, uuid, trustKey);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var expiry = await connection.GetDatabase().KeyTimeToLiveAsync($"{_prefix}:failures:address:127.0.0.1");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, throughFirst);
        Assert.Equal(HttpStatusCode.TooManyRequests, throughSecond);
        Assert.Equal(HttpStatusCode.TooManyRequests, afterRestart);
        Assert.InRange(expiry!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Fetch_SixtyFourConcurrentWrongCredentialsOverTwoServers_OnlyTheBudgetReachesTheCheck()
    {
        var servers = new[] { await StartServerAsync(perAddress: 20, perEntry: 1_000), await StartServerAsync(perAddress: 20, perEntry: 1_000) };
        using var start = new ManualResetEventSlim();

        var requests = Enumerable.Range(0, 64).Select(i => Task.Run(() =>
        {
            start.Wait();
            return FetchAsync(servers[i % 2], Guid.NewGuid(), Secret.Generate());
        })).ToArray();
        start.Set();
        var statuses = await Task.WhenAll(requests);

        Assert.Equal(20, _caches.Sum(c => c.Fetches));
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(44, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task EntryBudget_SpentThroughTwoServers_StillServesTheRightCredential()
    {
        var first = await StartServerAsync(perAddress: 1_000, perEntry: 4);
        var second = await StartServerAsync(perAddress: 1_000, perEntry: 4);
        var (uuid, trustKey) = await ClaimAsync(first);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await FetchAsync(i % 2 == 0 ? first : second, uuid, Secret.Generate()));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.NotFound, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(first, uuid, trustKey));
        Assert.Equal(HttpStatusCode.OK, await FetchAsync(second, uuid, trustKey));
    }

    [Fact]
    public async Task Flood_OfWrongCredentialsOnRandomUuids_LeavesNoBudgetKeysOnceTheWindowCloses()
    {
        var server = await StartServerAsync(perAddress: 1_000_000, perEntry: 10, window: TimeSpan.FromSeconds(3));
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var redisServer = connection.GetServer(connection.GetEndPoints()[0]);
        int BudgetKeys() => redisServer.Keys(pattern: $"{_prefix}:failures:*").Count() + redisServer.Keys(pattern: $"{_prefix}:attempts:*").Count();
        var flood = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
            Assert.Equal(HttpStatusCode.NotFound, await FetchAsync(server, Guid.NewGuid(), Secret.Generate())));

        var duringTheFlood = BudgetKeys();
        var flooding = flood.Elapsed;
        var deadline = Stopwatch.StartNew();
        while (BudgetKeys() > 0 && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        // One key per uuid and one for the address, each expiring 3 s after its first failure (none left over if the
        // flood itself took longer than that on a loaded machine).
        Assert.InRange(duringTheFlood, flooding < TimeSpan.FromSeconds(2) ? 2 : 0, 301);
        Assert.Equal(0, BudgetKeys());
    }

    private async Task<RunningRendezvousServer> StartServerAsync(int perAddress, int perEntry, TimeSpan? window = null)
    {
        var server = await RendezvousServer.StartAsync(new RendezvousServerOptions
        {
            Configure = o => (o.ApiKey, o.FailuresPerAddress, o.FailuresPerEntry, o.FailureWindow) = (ApiKey, perAddress, perEntry, window ?? TimeSpan.FromMinutes(1)),
            ConfigureBuilder = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Services.AddRedisConfigCache(o => (o.Configuration, o.KeyPrefix) = (redis.Server.ConnectionString, _prefix));
                // Counts the credential checks that reach the cache behind this server.
                builder.Services.AddSingleton<IConfigCache>(sp =>
                {
                    var counting = new CountingConfigCache(sp.GetRequiredService<RedisConfigCache>());
                    lock (_caches)
                    {
                        _caches.Add(counting);
                    }

                    return counting;
                });
            },
        });
        _servers.Add(server);
        _ = server.Services.GetRequiredService<IConfigCache>();
        return server;
    }

    private static async Task<(Guid Uuid, Secret TrustKey)> ClaimAsync(RunningRendezvousServer server)
    {
        var cache = server.Services.GetRequiredService<IConfigCache>();
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("x"), bootSecret));
        await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        return (uuid, trustKey);
    }

    private static async Task<HttpStatusCode> FetchAsync(RunningRendezvousServer server, Guid uuid, Secret trustKey)
    {
        using var http = new HttpClient { BaseAddress = server.Urls[0] };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/instances/{uuid}/configuration");
        request.Headers.TryAddWithoutValidation("Authorization", "CloudConfig-Trust " + trustKey.Reveal());
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
