using CloudConfig.Benchmarks.Quick;
using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace CloudConfig.Benchmarks.InMemory;

/// <summary>The in-memory cache's operations against a bare ConcurrentDictionary doing the same essential work.</summary>
public sealed class InMemoryQuickBenchmark : IQuickBenchmark
{
    private const int Operations = 20_000;
    private static readonly ConfigurationContent Configuration = ConfigurationContent.FromText(new string('x', 512));

    public Task<IReadOnlyList<QuickFigure>> RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<QuickFigure> figures =
        [
            PreRegister(),
            Fetch(),
            InMemoryContactBenchmarks.FetchFromTwoThreads(),
            InMemoryContactBenchmarks.RetainedBytesPerContact(),
            Update(),
            InMemoryContactBenchmarks.UpdateFromTwoThreads(),
            .. InMemoryScalingBenchmarks.AssignDynamic(),
            InMemoryScalingBenchmarks.RemoveStale(),
        ];
        return Task.FromResult(figures);
    }

    private static QuickFigure PreRegister()
    {
        var secretHash = Secret.Generate().Hash();
        var rawHash = DictionaryBaseline.Hash(Secret.Generate().Reveal());
        var now = DateTimeOffset.UnixEpoch;
        return Compare(
            "inmemory.preregister_vs_dictionary",
            n =>
            {
                var baseline = new DictionaryBaseline();
                for (var i = 0; i < n; i++)
                {
                    baseline.Insert(Guid.NewGuid(), Configuration, rawHash, now);
                }
            },
            n =>
            {
                var cache = new InMemoryConfigCache();
                for (var i = 0; i < n; i++)
                {
                    cache.PreRegisterAsync(new ConfigRegistration(Guid.NewGuid(), Configuration, secretHash)).GetAwaiter().GetResult();
                }
            },
            Operations);
    }

    private static QuickFigure Fetch()
    {
        var (cache, baseline, uuids, trustKey) = ClaimedPopulation.Create(10_000, Configuration);
        var credential = InstanceCredential.Trusted(trustKey);
        var now = DateTimeOffset.UnixEpoch;
        return Compare(
            "inmemory.fetch_vs_dictionary",
            n =>
            {
                for (var i = 0; i < n; i++)
                {
                    baseline.Fetch(uuids[i % uuids.Length], trustKey.Reveal(), now);
                }
            },
            n =>
            {
                for (var i = 0; i < n; i++)
                {
                    cache.FetchAsync(uuids[i % uuids.Length], credential).GetAwaiter().GetResult();
                }
            },
            Operations);
    }

    private static QuickFigure Update()
    {
        var (cache, baseline, uuids, trustKey) = ClaimedPopulation.Create(10_000, Configuration);
        var parameters = new Dictionary<string, ParameterValue> { ["port"] = 8080L, ["role"] = "web" };
        var report = new InstanceReport(new InstanceStatus(InstanceState.Configured, 0)) { Address = "10.0.0.1", Parameters = parameters };
        var now = DateTimeOffset.UnixEpoch;
        return Compare(
            "inmemory.update_vs_dictionary",
            n =>
            {
                for (var i = 0; i < n; i++)
                {
                    baseline.Report(uuids[i % uuids.Length], trustKey.Reveal(), "10.0.0.1", new Dictionary<string, ParameterValue>(parameters), now);
                }
            },
            n =>
            {
                for (var i = 0; i < n; i++)
                {
                    cache.UpdateCacheAsync(uuids[i % uuids.Length], trustKey, report).GetAwaiter().GetResult();
                }
            },
            Operations);
    }

    /// <summary>The figure of a baseline and our code, timed once the process is in its steady state.</summary>
    internal static QuickFigure Compare(string name, Action<int> baseline, Action<int> candidate, int operations)
    {
        SteadyState.WarmUp(baseline, candidate, operations);
        return Measure.Figure(name, Measure.NanosecondsPerOperation(baseline, candidate, operations));
    }
}
