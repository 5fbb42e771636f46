using CloudConfig.Benchmarks.Quick;
using CloudConfig.Cache.Redis;
using CloudConfig.Core;
using CloudConfig.Testing.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CloudConfig.Benchmarks.Redis;

/// <summary>
/// The Redis cache against raw StackExchange.Redis on a redis-server started for the run: the cost of an
/// authenticated fetch (one read of the key only the trust key names, the contact recorded in a batch) against
/// a plain GET of the same bytes, and what an entry costs in Redis memory.
/// </summary>
public sealed class RedisQuickBenchmark : IQuickBenchmark
{
    private const int Entries = 1_000;
    private const int Concurrency = 32;
    private const int OperationsPerRound = 10_000;
    private const int Rounds = 11;
    private static readonly ConfigurationContent Configuration = ConfigurationContent.FromBytes(new byte[1024]);

    public async Task<IReadOnlyList<QuickFigure>> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        await using var raw = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        await using var cache = new RedisConfigCache(Options.Create(new RedisConfigCacheOptions
        {
            Configuration = server.ConnectionString,
            KeyPrefix = "bench",
        }));
        var trustKey = Secret.Generate();
        var uuids = await ReportedEntries.CreateAsync(cache, Entries, Configuration, trustKey, Concurrency, cancellationToken);
        return [await FetchAsync(cache, raw, uuids, trustKey), await BytesPerEntryAsync(raw, uuids, trustKey)];
    }

    private static async Task<QuickFigure> FetchAsync(RedisConfigCache cache, ConnectionMultiplexer raw, Guid[] uuids, Secret trustKey)
    {
        var db = raw.GetDatabase();
        var rawKeys = uuids.Select(u => (RedisKey)$"raw:{u:N}").ToArray();
        foreach (var key in rawKeys)
        {
            await db.StringSetAsync(key, Configuration.Bytes);
        }

        var credential = InstanceCredential.Trusted(trustKey);
        var (ratio, candidateNs) = await ConcurrentRounds.CompareAsync(
            async i => await db.StringGetAsync(rawKeys[i % rawKeys.Length]),
            async i => await cache.FetchAsync(uuids[i % uuids.Length], credential),
            Concurrency,
            OperationsPerRound,
            Rounds);
        return new QuickFigure("redis.fetch_vs_raw_get", ratio, candidateNs, "ns/op");
    }

    /// <summary>
    /// MEMORY USAGE of one entry's keys (its hash, and its configuration behind its instance view), plus its share of the stale index, over the 1 KiB it carries. Averaged
    /// over every entry, which all hold the same shape (claimed, one report).
    /// </summary>
    private static async Task<QuickFigure> BytesPerEntryAsync(ConnectionMultiplexer raw, Guid[] uuids, Secret trustKey)
    {
        var db = raw.GetDatabase();
        var claimed = trustKey.Hash().ToString();
        long total = 0;
        foreach (var uuid in uuids)
        {
            // Every key of a claimed entry: its hash, and its configuration behind its instance view.
            foreach (var key in new[] { $"{{bench:{uuid:N}}}", $"{{bench:{uuid:N}}}:c:{claimed}" })
            {
                total += (long)await db.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
            }
        }

        var index = (long)await db.ExecuteAsync("MEMORY", "USAGE", "bench:index", "SAMPLES", "0");
        var perEntry = (double)(total + index) / uuids.Length;
        return new QuickFigure("redis.bytes_per_entry_1k", perEntry / Configuration.Length, perEntry, "B/entry");
    }
}
