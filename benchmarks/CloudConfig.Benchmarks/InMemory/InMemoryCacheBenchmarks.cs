using BenchmarkDotNet.Attributes;
using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace CloudConfig.Benchmarks.InMemory;

/// <summary>Full BenchmarkDotNet runs of the hot instance-side paths, against the dictionary baseline.</summary>
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
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        (_cache, _baseline, _uuids, _trustKey) = ClaimedPopulation.Create(Population, _configuration);
        _credential = InstanceCredential.Trusted(_trustKey);
    }

    [Benchmark(Baseline = true)]
    public ConfigurationContent? DictionaryFetch() => _baseline.Fetch(NextUuid(), _trustKey.Reveal(), DateTimeOffset.UnixEpoch);

    [Benchmark]
    public Task<InstanceConfiguration> CacheFetch() => _cache.FetchAsync(NextUuid(), _credential);

    private Guid NextUuid() => _uuids[_next++ % Population];
}
