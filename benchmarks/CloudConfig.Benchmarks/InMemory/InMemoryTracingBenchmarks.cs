using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace CloudConfig.Benchmarks.InMemory;

/// <summary>
/// What the cache's spans cost a fetch: with nothing listening (the hot path, which must cost nothing), with a listener
/// that samples nothing (an app that traces other sources only), and with every span recorded.
/// </summary>
[MemoryDiagnoser]
public class InMemoryTracingBenchmarks
{
    private const int Population = 10_000;
    private readonly ConfigurationContent _configuration = ConfigurationContent.FromText(new string('x', 512));
    private InMemoryConfigCache _cache = null!;
    private Guid[] _uuids = null!;
    private InstanceCredential _credential = null!;
    private ActivityListener? _listener;
    private int _next;

    [Params("none", "not-sampled", "recorded")]
    public string Listening { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        var population = ClaimedPopulation.Create(Population, _configuration);
        (_cache, _uuids, _credential) = (population.Cache, population.Uuids, InstanceCredential.Trusted(population.TrustKey));
        if (Listening != "none")
        {
            var result = Listening == "recorded" ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None;
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == InMemoryConfigCache.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => result,
            };
            ActivitySource.AddActivityListener(_listener);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    [Benchmark]
    public Task<InstanceConfiguration> Fetch() => _cache.FetchAsync(_uuids[_next++ % Population], _credential);
}
