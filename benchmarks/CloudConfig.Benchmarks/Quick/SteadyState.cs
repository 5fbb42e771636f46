using System.Diagnostics;
using System.Runtime;

namespace CloudConfig.Benchmarks.Quick;

/// <summary>
/// Runs a baseline and a candidate in turn until the process is in the state a long-running one is in: the JIT has
/// settled and the heap has been collected, so that what is timed next is neither unoptimized code nor first-touch memory.
/// </summary>
/// <remarks>
/// The tiered JIT first compiles a method without optimizations and recompiles it optimized on a background thread
/// once it has been called 30 times after 100 ms without new compilations; until the first collection, every
/// allocation lands on memory the process has never touched. A thousand-call warm-up is over long before either on a
/// loaded machine, and the side that allocates more pays more for it: inmemory.preregister_vs_dictionary read 1.14,
/// 3.52 and 1.89 in three runs of one build, and the same registrations (uuids made beforehand) took 1,000-1,600 ns
/// each in the rounds right after such a warm-up and 300-360 ns once the JIT had settled and the heap had been collected.
/// </remarks>
public static class SteadyState
{
    // No new compilation for this long while both sides run: the 100 ms delay has passed and the optimized code is in.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    // Whatever happens, the warm-up ends by then (a machine too busy to settle is measured as it is).
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="baseline"/> and <paramref name="candidate"/> with <paramref name="operations"/> each, in turn, until the steady state.</summary>
    public static void WarmUp(Action<int> baseline, Action<int> candidate, int operations) =>
        WarmUpAsync(() =>
        {
            baseline(operations);
            candidate(operations);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="bothSidesOnce"/> (a round of the baseline, then one of the candidate) until the steady state.</summary>
    public static async Task WarmUpAsync(Func<Task> bothSidesOnce)
    {
        var started = Stopwatch.GetTimestamp();
        var quietSince = started;
        var compiled = JitInfo.GetCompiledMethodCount();
        var collections = GC.CollectionCount(0);
        do
        {
            await bothSidesOnce();
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince = Stopwatch.GetTimestamp();
            }
        }
        while ((Stopwatch.GetElapsedTime(quietSince) < Quiet || GC.CollectionCount(0) == collections)
            && Stopwatch.GetElapsedTime(started) < Longest);
    }
}
