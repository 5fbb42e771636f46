using System.Net;
using CloudConfig.Cache.Redis.Tests.SharedRendezvous;
using CloudConfig.Core;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis.Tests.RendezvousOnRedis;

/// <summary>
/// Issue 10, item 9: on Redis, refusing a boot-scheme fetch costs the same for an existing uuid as for an unknown
/// one, so no timing can tell which uuids exist. Shown by the work itself: the commands Redis runs for each.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RefusedFetchWorkTests(RedisServerFixture redis)
{
    [Fact]
    public async Task RefusedBootFetch_ExistingAndUnknownUuid_RunTheSameRedisCommands()
    {
        var prefix = RedisServerFixture.NewPrefix();
        await using var pair = await SharedRendezvousPair.StartAsync(redis.Server, prefix);
        var existing = Guid.NewGuid();
        await pair.Cache(0).PreRegisterAsync(ConfigRegistration.ForBootSecret(existing, ConfigurationContent.FromText(new string('x', 50_000)), Secret.Generate()));
        using var http = new HttpClient { BaseAddress = pair.Servers[0].Urls[0] };
        await using var markers = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        await using var monitor = await RedisMonitor.StartAsync(redis.Server.Port);
        // Scripts load on first use: warm them up so both measured requests run from the script cache alike.
        Assert.Equal(HttpStatusCode.NotFound, await WrongBootFetchAsync(http, Guid.NewGuid()));
        await MarkAsync(markers, prefix, "warm");
        await monitor.ReadUntilAsync(prefix + "-mark-warm", prefix);

        Assert.Equal(HttpStatusCode.NotFound, await WrongBootFetchAsync(http, existing));
        await MarkAsync(markers, prefix, "existing");
        var forExisting = await monitor.ReadUntilAsync(prefix + "-mark-existing", prefix);
        Assert.Equal(HttpStatusCode.NotFound, await WrongBootFetchAsync(http, Guid.NewGuid()));
        await MarkAsync(markers, prefix, "unknown");
        var forUnknown = await monitor.ReadUntilAsync(prefix + "-mark-unknown", prefix);

        // One fetch script (its one read), no entry read around it (the Get script's EXISTS); the budgets' own
        // commands are keyed by address and uuid alike.
        Assert.Single(forExisting, c => c == "HMGET");
        Assert.DoesNotContain("EXISTS", forExisting);
        Assert.Equal(forExisting, forUnknown);
    }

    private static async Task<HttpStatusCode> WrongBootFetchAsync(HttpClient http, Guid uuid)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/instances/{uuid}/configuration");
        request.Headers.TryAddWithoutValidation("Authorization", $"CloudConfig-Boot {Secret.Generate().Reveal()} {Secret.Generate().Reveal()}");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static Task MarkAsync(ConnectionMultiplexer connection, string prefix, string name) =>
        connection.GetDatabase().ExecuteAsync("ECHO", $"{prefix}-mark-{name}");
}
