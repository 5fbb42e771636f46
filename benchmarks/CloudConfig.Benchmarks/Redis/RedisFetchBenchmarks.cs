using BenchmarkDotNet.Attributes;
using CloudConfig.Cache.Redis;
using CloudConfig.Core;
using CloudConfig.Testing.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CloudConfig.Benchmarks.Redis;

/// <summary>
/// redis.fetch_vs_raw_get under BenchmarkDotNet: one authenticated fetch (one GET, its contact batched) against a raw
/// GET of the same 1 KiB, one at a time, on a redis-server started for the run; allocations are the client's.
/// </summary>
[MemoryDiagnoser]
public class RedisFetchBenchmarks
{
    private const int Entries = 1000;
    private RedisServer _server = null!;
    private ConnectionMultiplexer _raw = null!;
    private IDatabase _db = null!;
    private RedisConfigCache _cache = null!;
    private Guid[] _uuids = null!;
    private RedisKey[] _rawKeys = null!;
    private InstanceCredential _credential = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var configuration = ConfigurationContent.FromBytes(new byte[1024]);
        _server = await RedisServer.StartAsync();
        _raw = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
        _db = _raw.GetDatabase();
        _cache = new RedisConfigCache(Options.Create(new RedisConfigCacheOptions { Configuration = _server.ConnectionString, KeyPrefix = "bench" }));
        var trustKey = Secret.Generate();
        _credential = InstanceCredential.Trusted(trustKey);
        _uuids = new Guid[Entries];
        _rawKeys = new RedisKey[Entries];
        for (var i = 0; i < Entries; i++)
        {
            var bootSecret = Secret.Generate();
            _uuids[i] = Guid.NewGuid();
            _rawKeys[i] = $"raw:{_uuids[i]:N}";
            await _cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(_uuids[i], configuration, bootSecret));
            await _cache.FetchAsync(_uuids[i], InstanceCredential.FirstContact(bootSecret, trustKey));
            await _db.StringSetAsync(_rawKeys[i], configuration.Bytes);
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
    public async Task<int> RawGet() => ((byte[]?)await _db.StringGetAsync(_rawKeys[_next++ % Entries]))!.Length;

    [Benchmark]
    public async Task<int> CacheFetch() => (await _cache.FetchAsync(_uuids[_next++ % Entries], _credential)).Configuration.Length;
}
