using System.Diagnostics;

namespace CloudConfig.Benchmarks.Quick;

/// <summary>
/// Throughput of two async operations with many calls in flight, measured in alternating rounds: the ratio of each
/// round pair (adjacent rounds share whatever load the machine is under) and the candidate's time per call.
/// </summary>
public static class ConcurrentRounds
{
    /// <summary>The median round ratio (candidate over baseline) and the candidate's median nanoseconds per call.</summary>
    public static async Task<(double Ratio, double CandidateNs)> CompareAsync(
        Func<int, Task> baseline, Func<int, Task> candidate, int concurrency, int operationsPerRound, int rounds)
    {
        // Until the JIT has settled and the heap has been collected (see SteadyState): a fixed thousand calls of warm-up
        // can leave the first rounds timing unoptimized code on a busy machine.
        var warmUpOperations = Math.Min(operationsPerRound, 1_000);
        await SteadyState.WarmUpAsync(async () =>
        {
            await TimeAsync(baseline, concurrency, warmUpOperations);
            await TimeAsync(candidate, concurrency, warmUpOperations);
        });
        var candidateRounds = new double[rounds];
        var ratios = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var baseNs = await TimeAsync(baseline, concurrency, operationsPerRound);
            candidateRounds[r] = await TimeAsync(candidate, concurrency, operationsPerRound);
            ratios[r] = candidateRounds[r] / baseNs;
        }

        return (Measure.Median(ratios), Measure.Median(candidateRounds));
    }

    /// <summary>Nanoseconds of wall time per call with <paramref name="concurrency"/> calls in flight.</summary>
    public static async Task<double> TimeAsync(Func<int, Task> operation, int concurrency, int operations)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < operations)
            {
                await operation(i);
            }
        }));
        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / operations;
    }
}
