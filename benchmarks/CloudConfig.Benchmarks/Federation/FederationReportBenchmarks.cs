using BenchmarkDotNet.Attributes;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using NATS.Client.KeyValueStore;

namespace CloudConfig.Benchmarks.Federation;

/// <summary>
/// federation.report_visible_onprem_ms_p99 under BenchmarkDotNet: one report in the cloud until the app's registry
/// on premises shows it, against a raw key-value put at the hub until the on-premises mirror has it (link up).
/// </summary>
[MemoryDiagnoser]
public class FederationReportBenchmarks
{
    private const int Instances = 50;
    private NatsFederation _federation = null!;
    private FederationScenario _scenario = null!;
    private (Guid Uuid, Secret TrustKey)[] _running = null!;
    private INatsKVStore _hub = null!;
    private INatsKVStore _onPremisesMirror = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _federation = await NatsFederation.StartAsync([FederationScenario.Cloud]);
        _scenario = await FederationScenario.OpenAsync(_federation, "bdn-report", CancellationToken.None);
        _running = await _scenario.BootAsync(Instances, CancellationToken.None);
        (_hub, _onPremisesMirror) = await _scenario.InstanceStoresAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _scenario.DisposeAsync();
        await _federation.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task RawPutUntilMirrored()
    {
        var n = _next++;
        return _scenario.RawPutUntilMirroredAsync(_hub, _onPremisesMirror, $"bench.{n % Instances}", n, CancellationToken.None);
    }

    [Benchmark]
    public Task ReportUntilVisibleOnPremises()
    {
        var n = _next++;
        var (uuid, trustKey) = _running[n % Instances];
        return _scenario.ReportUntilVisibleAsync(uuid, trustKey, n, CancellationToken.None);
    }
}
