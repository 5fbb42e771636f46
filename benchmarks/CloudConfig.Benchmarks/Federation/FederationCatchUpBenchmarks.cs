using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CloudConfig.Testing.Nats;

namespace CloudConfig.Benchmarks.Federation;

/// <summary>
/// federation.catchup_10k_seconds under BenchmarkDotNet: each iteration cuts the link, registers 10,000 entries on
/// premises, and restores it (in the setup, not measured); the benchmark is the time until every entry is there for
/// the cloud's rendezvous point, against the time until the cloud's mirror alone has caught up.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class FederationCatchUpBenchmarks
{
    private const int Registrations = 10_000;
    private const int Concurrency = 32;
    private NatsFederation _federation = null!;
    private FederationScenario _scenario = null!;
    private Guid[] _registered = [];
    private ulong _target;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _federation = await NatsFederation.StartAsync([FederationScenario.Cloud]);
        _scenario = await FederationScenario.OpenAsync(_federation, "bdn-catchup", CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _scenario.DisposeAsync();
        await _federation.DisposeAsync();
    }

    [IterationSetup]
    public void RegisterDuringAnOutage()
    {
        try
        {
            _registered = [.. _scenario.RegisterDuringOutageAsync(Registrations, Concurrency, CancellationToken.None).GetAwaiter().GetResult().Select(r => r.Uuid)];
            _target = _scenario.OnPremisesEntriesSequenceAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            _scenario.Link.Restore();
        }
    }

    [Benchmark(Baseline = true)]
    public Task MirrorCaughtUp() => _scenario.WaitForCloudMirrorAsync(_target, CancellationToken.None);

    [Benchmark]
    public Task AllEntriesInTheCloud() => _scenario.WaitUntilInCloudAsync(_registered, Concurrency, CancellationToken.None);
}
