using BenchmarkDotNet.Attributes;
using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace CloudConfig.Benchmarks.InMemory;

/// <summary>Full BenchmarkDotNet runs of the hot instance-side paths (fetch, report), against the dictionary baseline.</summary>
[MemoryDiagnoser]
public class InMemoryCacheBenchmarks
{
    private const int Population = 10_000;
    private readonly ConfigurationContent _configuration = ConfigurationContent.FromText(new string('x', 512));
    private InMemoryConfigCache _cache = null!;
    private DictionaryBaseline _baseline = null!;
    private Guid[] _uuids = null!;
    private Secret _trustKey = null!;
    private InstanceCredential _credential = null!;
    private InstanceReport _report = null!;
    private Dictionary<string, ParameterValue> _parameters = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        (_cache, _baseline, _uuids, _trustKey) = ClaimedPopulation.Create(Population, _configuration);
        _credential = InstanceCredential.Trusted(_trustKey);
        _parameters = new Dictionary<string, ParameterValue> { ["port"] = 8080L, ["role"] = "web" };
        _report = new InstanceReport(new InstanceStatus(InstanceState.Configured, 0)) { Address = "10.0.0.1", Parameters = _parameters };
    }

    [Benchmark(Baseline = true)]
    public ConfigurationContent? DictionaryFetch() => _baseline.Fetch(NextUuid(), _trustKey.Reveal(), DateTimeOffset.UnixEpoch);

    [Benchmark]
    public Task<InstanceConfiguration> CacheFetch() => _cache.FetchAsync(NextUuid(), _credential);

    // inmemory.update_vs_dictionary
    [Benchmark]
    public bool DictionaryReport() => _baseline.Report(NextUuid(), _trustKey.Reveal(), "10.0.0.1", new Dictionary<string, ParameterValue>(_parameters), DateTimeOffset.UnixEpoch);

    [Benchmark]
    public Task CacheUpdate() => _cache.UpdateCacheAsync(NextUuid(), _trustKey, _report);

    private Guid NextUuid() => _uuids[_next++ % Population];
}
