using CloudConfig.Benchmarks.Quick;
using CloudConfig.Cache.Nats;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;
using NATS.Net;

namespace CloudConfig.Benchmarks.Nats;

/// <summary>
/// The NATS cache against a plain NATS.Net key-value client on a nats-server started for the run: an authenticated
/// fetch (the trust key checked against the instance record, the contact recorded, the configuration read) against
/// a raw key-value get of the same 1 KiB.
/// </summary>
public sealed class NatsQuickBenchmark : IQuickBenchmark
{
    private const int Entries = 1_000;
    private const int Concurrency = 32;
    private const int OperationsPerRound = 10_000;
    private const int Rounds = 11;
    private static readonly ConfigurationContent Configuration = ConfigurationContent.FromBytes(new byte[1024]);

    public async Task<IReadOnlyList<QuickFigure>> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = await NatsServer.StartAsync(cancellationToken: cancellationToken);
        await using var raw = new NatsConnection(new NatsOpts { Url = server.Url });
        await using var cache = new NatsConfigCache(Options.Create(new NatsConfigCacheOptions { Url = server.Url, BucketPrefix = "bench" }));
        var trustKey = Secret.Generate();
        var uuids = await ReportedEntries.CreateAsync(cache, Entries, Configuration, trustKey, Concurrency, cancellationToken);

        var store = await raw.CreateKeyValueStoreContext().CreateStoreAsync(new NatsKVConfig("raw") { Storage = NatsKVStorageType.File }, cancellationToken);
        var rawKeys = uuids.Select(u => $"e.{u:N}").ToArray();
        foreach (var key in rawKeys)
        {
            await store.PutAsync(key, Configuration.Bytes.ToArray(), NatsRawSerializer<byte[]>.Default, cancellationToken);
        }

        var credential = InstanceCredential.Trusted(trustKey);
        var (ratio, candidateNs) = await ConcurrentRounds.CompareAsync(
            async i => await store.GetEntryAsync(rawKeys[i % rawKeys.Length], serializer: NatsRawSerializer<byte[]>.Default),
            async i => await cache.FetchAsync(uuids[i % uuids.Length], credential),
            Concurrency,
            OperationsPerRound,
            Rounds);
        return [new QuickFigure("nats.fetch_vs_kv_get", ratio, candidateNs, "ns/op")];
    }
}
