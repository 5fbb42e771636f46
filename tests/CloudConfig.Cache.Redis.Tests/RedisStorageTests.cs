using System.Text;
using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis.Tests;

/// <summary>What the cache leaves in Redis: the key layout, hashes instead of secrets, and one deployment per prefix.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisStorageTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = RedisServerFixture.NewPrefix();
    private RedisConfigCache _cache = null!;
    private ConnectionMultiplexer _inspector = null!;

    public async Task InitializeAsync()
    {
        _cache = redis.CreateCache(_time, keyPrefix: _prefix);
        _inspector = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString + ",allowAdmin=true");
    }

    public async Task DisposeAsync()
    {
        await _cache.DisposeAsync();
        await _inspector.DisposeAsync();
    }

    [Fact]
    public async Task EveryKeyAndValue_HoldsNoPlainSecret()
    {
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        var poolCredential = Secret.Generate();
        var dynamicTrustKey = Secret.Generate();
        var uuid = Guid.NewGuid();
        await _cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, Text("echo hi"), bootSecret));
        await _cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        await _cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured)) { Address = "10.0.0.1" });
        await _cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(Guid.NewGuid(), Text("pooled"), "web", poolCredential));
        await _cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(Guid.NewGuid(), Text("pooled"), "web", poolCredential));
        await _cache.AssignDynamicAsync("web", poolCredential, dynamicTrustKey);

        var dump = await DumpAsync();

        Assert.NotEmpty(dump);
        foreach (var secret in new[] { bootSecret, trustKey, poolCredential, dynamicTrustKey })
        {
            Assert.DoesNotContain(dump, item => item.Contains(secret.Reveal(), StringComparison.Ordinal));
        }

        // Only the hashes are there.
        Assert.Contains(dump, item => item.Contains(trustKey.Hash().ToString(), StringComparison.Ordinal));
        Assert.Contains(dump, item => item.Contains(poolCredential.Hash().ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_AreUnderThePrefixWithEachEntrysKeysSharingOneHashTag()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await _cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(first, Text("a"), Secret.Generate()));
        await _cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(second, Text("b"), "web", Secret.Generate()));

        var keys = (await KeysAsync()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            new[]
            {
                $"{_prefix}:index",
                $"{_prefix}:pool:web",
                $"{_prefix}:pools",
                $"{{{_prefix}:{first:N}}}",
                $"{{{_prefix}:{first:N}}}:c",
                $"{{{_prefix}:{second:N}}}",
                $"{{{_prefix}:{second:N}}}:c",
            }.Order(StringComparer.Ordinal),
            keys);
    }

    [Fact]
    public async Task TwoPrefixes_OnOneServer_AreSeparateDeployments()
    {
        await using var other = redis.CreateCache(_time);
        var uuid = Guid.NewGuid();
        var credential = Secret.Generate();
        await _cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(uuid, Text("mine"), "web", credential));

        Assert.Null(await other.GetAsync(uuid));
        Assert.Empty(await ToListAsync(other.ListAsync()));
        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => other.AssignDynamicAsync("web", credential, Secret.Generate()));
        Assert.Equal(0, await other.RemoveStaleAsync(TimeSpan.Zero));
        Assert.NotNull(await _cache.GetAsync(uuid));
    }

    [Fact]
    public async Task UpdateCache_ParametersThroughRedis_RoundTripBitForBit()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();
        var parameters = new Dictionary<string, ParameterValue>
        {
            ["min"] = long.MinValue,
            ["max"] = long.MaxValue,
            ["negative-zero"] = -0.0,
            ["epsilon"] = double.Epsilon,
            ["text"] = "héllo 世界 😀 lone \ud800 surrogate",
            ["flag"] = false,
        };

        await _cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured, 0, "done \udfff", 1)) { Parameters = parameters });

        var entry = (await _cache.GetAsync(uuid))!;
        Assert.Equal(parameters.OrderBy(p => p.Key, StringComparer.Ordinal), entry.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal("done \udfff", entry.Status.Detail);
    }

    [Fact]
    public async Task List_ManyEntries_ReturnsEachExactlyOnceAcrossScanPages()
    {
        var registered = new List<Guid>();
        for (var i = 0; i < 700; i++)
        {
            var (uuid, _) = await RegisterAsync(i % 2 == 0 ? "even" : "odd");
            registered.Add(uuid);
        }

        var all = await ToListAsync(_cache.ListAsync());
        var even = await ToListAsync(_cache.ListAsync(new ConfigEntryQuery { Domain = "even" }));

        Assert.Equal(registered.Order(), all.Select(e => e.Uuid).Order());
        Assert.Equal(350, even.Count);
        Assert.All(even, e => Assert.Equal("even", e.Domain));
    }

    [Fact]
    public async Task AssignDynamic_MoreRemovedEntriesThanOneScriptSkips_StillHandsOutTheNextInOrder()
    {
        var credential = Secret.Generate();
        var removed = RedisScripts.MaxSkipsPerAssign * 2 + 5;
        var uuids = new List<Guid>();
        for (var i = 0; i < removed + 2; i++)
        {
            var uuid = Guid.NewGuid();
            await _cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(uuid, Text("pooled"), "web", credential));
            uuids.Add(uuid);
        }

        await Task.WhenAll(uuids.Take(removed).Select(uuid => _cache.RemoveAsync(uuid)));

        Assert.Equal(uuids[removed], (await _cache.AssignDynamicAsync("web", credential, Secret.Generate())).Uuid);
        Assert.Equal(uuids[removed + 1], (await _cache.AssignDynamicAsync("web", credential, Secret.Generate())).Uuid);
        await Assert.ThrowsAsync<NoDynamicEntryAvailableException>(() => _cache.AssignDynamicAsync("web", credential, Secret.Generate()));
    }

    [Fact]
    public async Task RemoveStale_InManySmallBatches_ReturnsTheExactCount()
    {
        await using var cache = redis.CreateCache(_time, configure: o => o.StaleSweepBatchSize = 7);
        var registered = new List<(Guid Uuid, Secret BootSecret)>();
        for (var i = 0; i < 50; i++)
        {
            var uuid = Guid.NewGuid();
            var secret = Secret.Generate();
            await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, Text("x"), secret));
            registered.Add((uuid, secret));
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        var contacted = registered.Where((_, i) => i % 10 == 0).ToList();
        foreach (var (uuid, secret) in contacted)
        {
            await cache.FetchAsync(uuid, InstanceCredential.FirstContact(secret, Secret.Generate()));
        }

        Assert.Equal(45, await cache.RemoveStaleAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(contacted.Select(c => c.Uuid).Order(), (await ToListAsync(cache.ListAsync())).Select(e => e.Uuid).Order());
    }

    private static ConfigurationContent Text(string text) => ConfigurationContent.FromText(text);

    private async Task<(Guid Uuid, Secret BootSecret)> RegisterAsync(string domain = "")
    {
        var uuid = Guid.NewGuid();
        var secret = Secret.Generate();
        await _cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, Text("echo hi"), secret) with { Domain = domain });
        return (uuid, secret);
    }

    private async Task<(Guid Uuid, Secret TrustKey)> RegisterAndClaimAsync()
    {
        var (uuid, bootSecret) = await RegisterAsync();
        var trustKey = Secret.Generate();
        await _cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        return (uuid, trustKey);
    }

    private async Task<List<string>> KeysAsync()
    {
        var server = _inspector.GetServer(_inspector.GetEndPoints()[0]);
        var keys = new List<string>();
        // Both the deployment-wide keys (prefix:...) and the entry keys ({prefix:...}).
        await foreach (var key in server.KeysAsync(pattern: $"*{_prefix}*"))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }

    /// <summary>Every key and every value (as text) under this test's prefix, as a redis-cli dump would show them.</summary>
    private async Task<List<string>> DumpAsync()
    {
        var db = _inspector.GetDatabase();
        var dump = new List<string>();
        foreach (var key in await KeysAsync())
        {
            dump.Add(key);
            switch (await db.KeyTypeAsync(key))
            {
                case RedisType.Hash:
                    foreach (var field in await db.HashGetAllAsync(key))
                    {
                        dump.Add(field.Name.ToString());
                        dump.Add(Encoding.UTF8.GetString((byte[])field.Value!));
                    }

                    break;
                case RedisType.List:
                    dump.AddRange((await db.ListRangeAsync(key)).Select(v => v.ToString()));
                    break;
                case RedisType.SortedSet:
                    dump.AddRange((await db.SortedSetRangeByRankAsync(key)).Select(v => v.ToString()));
                    break;
                default:
                    dump.Add((await db.StringGetAsync(key)).ToString());
                    break;
            }
        }

        return dump;
    }

    private static async Task<List<ConfigEntry>> ToListAsync(IAsyncEnumerable<ConfigEntry> entries)
    {
        var list = new List<ConfigEntry>();
        await foreach (var entry in entries)
        {
            list.Add(entry);
        }

        return list;
    }
}
