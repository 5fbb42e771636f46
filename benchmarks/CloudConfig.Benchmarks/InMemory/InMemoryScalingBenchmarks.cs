using System.Diagnostics;
using CloudConfig.Benchmarks.Quick;
using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace CloudConfig.Benchmarks.InMemory;

/// <summary>The figures that show how cost grows with the number of entries.</summary>
internal static class InMemoryScalingBenchmarks
{
    private const int Claims = 1_000;
    private static readonly ConfigurationContent Configuration = ConfigurationContent.FromText("echo pooled");

    /// <summary>Per-claim cost with a million dynamic entries against a thousand: O(1) means a ratio near 1.</summary>
    public static IEnumerable<QuickFigure> AssignDynamic()
    {
        const int Rounds = 5;
        var credential = Secret.Generate();
        var large = new InMemoryConfigCache();
        RegisterPool(large, "large", credential, 1_000_000);
        var small = new double[Rounds];
        var big = new double[Rounds];
        for (var r = 0; r < Rounds; r++)
        {
            var fresh = new InMemoryConfigCache();
            RegisterPool(fresh, "small", credential, Claims);
            small[r] = TimeClaims(fresh, "small", credential);
            big[r] = TimeClaims(large, "large", credential);
        }

        var smallNs = Measure.Median(small);
        var bigNs = Measure.Median(big);
        yield return new QuickFigure("inmemory.assign_dynamic_1m_vs_1k", bigNs / smallNs, bigNs, "ns/claim");
    }

    /// <summary>Sweeping a million entries of which 1% are stale, against scanning a dictionary of a million.</summary>
    public static QuickFigure RemoveStale()
    {
        const int Entries = 1_000_000;
        const int Stale = Entries / 100;
        const int Rounds = 3;
        var ours = new double[Rounds];
        var scan = new double[Rounds];
        for (var r = 0; r < Rounds; r++)
        {
            var clock = new ManualClock();
            var cache = new InMemoryConfigCache(timeProvider: clock);
            var baseline = new DictionaryBaseline();
            var hash = Secret.Generate().Hash();
            var rawHash = DictionaryBaseline.Hash("x");
            for (var i = 0; i < Entries; i++)
            {
                if (i == Stale)
                {
                    clock.Advance(TimeSpan.FromHours(1));
                }

                var uuid = Guid.NewGuid();
                cache.PreRegisterAsync(new ConfigRegistration(uuid, Configuration, hash)).GetAwaiter().GetResult();
                baseline.Insert(uuid, Configuration, rawHash, clock.GetUtcNow());
            }

            var cutoff = clock.GetUtcNow() - TimeSpan.FromMinutes(30);
            var started = Stopwatch.GetTimestamp();
            var removedByScan = baseline.RemoveOlderThan(cutoff);
            scan[r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            var removed = cache.RemoveStaleAsync(TimeSpan.FromMinutes(30)).GetAwaiter().GetResult();
            ours[r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (removed != Stale || removedByScan != Stale)
            {
                throw new InvalidOperationException($"Expected {Stale} stale entries, removed {removed} (scan: {removedByScan}).");
            }
        }

        var oursMs = Measure.Median(ours);
        return new QuickFigure("inmemory.remove_stale_vs_scan", oursMs / Measure.Median(scan), oursMs, "ms/sweep");
    }

    private static void RegisterPool(InMemoryConfigCache cache, string pool, Secret credential, int count)
    {
        var hash = credential.Hash();
        for (var i = 0; i < count; i++)
        {
            cache.PreRegisterAsync(new ConfigRegistration(Guid.NewGuid(), Configuration, hash) { DynamicPool = pool }).GetAwaiter().GetResult();
        }
    }

    private static double TimeClaims(InMemoryConfigCache cache, string pool, Secret credential)
    {
        // A fresh trust key per claim, made before the clock starts: claims are idempotent per trust key, so one
        // key for all would return its first entry 999 times instead of claiming 1,000.
        var trustKeys = Enumerable.Range(0, Claims).Select(_ => Secret.Generate()).ToArray();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Claims; i++)
        {
            cache.AssignDynamicAsync(pool, credential, trustKeys[i]).GetAwaiter().GetResult();
        }

        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / Claims;
    }
}
