using BenchmarkDotNet.Attributes;
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
/// nats.fetch_vs_kv_get under BenchmarkDotNet: one authenticated fetch against a raw key-value get of the same
/// 1 KiB, one at a time, on a nats-server started for the run; allocations are the client's.
/// </summary>
[MemoryDiagnoser]
public class NatsFetchBenchmarks
{
    private const int Entries = 1000;
    private NatsServer _server = null!;
    private NatsConnection _raw = null!;
    private INatsKVStore _store = null!;
    private NatsConfigCache _cache = null!;
    private Guid[] _uuids = null!;
    private string[] _rawKeys = null!;
    private InstanceCredential _credential = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var configuration = ConfigurationContent.FromBytes(new byte[1024]);
        _server = await NatsServer.StartAsync();
        _raw = new NatsConnection(new NatsOpts { Url = _server.Url });
        _cache = new NatsConfigCache(Options.Create(new NatsConfigCacheOptions { Url = _server.Url, BucketPrefix = "bench" }));
        var trustKey = Secret.Generate();
        _credential = InstanceCredential.Trusted(trustKey);
        _uuids = await ReportedEntries.CreateAsync(_cache, Entries, configuration, trustKey, concurrency: 32, CancellationToken.None);
        _store = await _raw.CreateKeyValueStoreContext().CreateStoreAsync(new NatsKVConfig("raw") { Storage = NatsKVStorageType.File });
        _rawKeys = [.. _uuids.Select(u => $"e.{u:N}")];
        foreach (var key in _rawKeys)
        {
            await _store.PutAsync(key, configuration.Bytes.ToArray(), NatsRawSerializer<byte[]>.Default);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _cache.DisposeAsync();
        await _raw.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> RawGet() => (await _store.GetEntryAsync(_rawKeys[_next++ % Entries], serializer: NatsRawSerializer<byte[]>.Default)).Value!.Length;

    [Benchmark]
    public async Task<int> CacheFetch() => (await _cache.FetchAsync(_uuids[_next++ % Entries], _credential)).Configuration.Length;
}
