using BenchmarkDotNet.Attributes;
using CloudConfig.Core;

namespace CloudConfig.Benchmarks.InMemory;

/// <summary>
/// inmemory.fetch_2threads_vs_dictionary and inmemory.update_2threads_vs_dictionary under BenchmarkDotNet: 20,000
/// fetches or reports per invocation split between two threads, against the dictionary baseline doing the same on
/// two threads. Allocations are counted on both threads.
/// </summary>
[MemoryDiagnoser]
public class InMemoryTwoThreadBenchmarks
{
    private const int Operations = 20_000;
    private readonly ConfigurationContent _configuration = ConfigurationContent.FromText(new string('x', 512));
    private ClaimedPopulation _population = null!;
    private InstanceCredential _credential = null!;
    private InstanceReport _report = null!;
    private Dictionary<string, ParameterValue> _parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _population = ClaimedPopulation.Create(10_000, _configuration);
        _credential = InstanceCredential.Trusted(_population.TrustKey);
        _parameters = new Dictionary<string, ParameterValue> { ["port"] = 8080L, ["role"] = "web" };
        _report = new InstanceReport(new InstanceStatus(InstanceState.Configured, 0)) { Address = "10.0.0.1", Parameters = _parameters };
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public void DictionaryFetchTwoThreads()
    {
        var (_, baseline, uuids, trustKey) = _population;
        InMemoryContactBenchmarks.OnTwoThreads(Operations, i => baseline.Fetch(uuids[i % uuids.Length], trustKey.Reveal(), DateTimeOffset.UnixEpoch));
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public void CacheFetchTwoThreads()
    {
        var (cache, _, uuids, _) = _population;
        InMemoryContactBenchmarks.OnTwoThreads(Operations, i => cache.FetchAsync(uuids[i % uuids.Length], _credential).GetAwaiter().GetResult());
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public void DictionaryReportTwoThreads()
    {
        var (_, baseline, uuids, trustKey) = _population;
        InMemoryContactBenchmarks.OnTwoThreads(Operations, i => baseline.Report(uuids[i % uuids.Length], trustKey.Reveal(), "10.0.0.1", new Dictionary<string, ParameterValue>(_parameters), DateTimeOffset.UnixEpoch));
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public void CacheUpdateTwoThreads()
    {
        var (cache, _, uuids, trustKey) = _population;
        InMemoryContactBenchmarks.OnTwoThreads(Operations, i => cache.UpdateCacheAsync(uuids[i % uuids.Length], trustKey, _report).GetAwaiter().GetResult());
    }
}
