using System.Diagnostics;

namespace CloudConfig.Benchmarks.Quick;

/// <summary>
/// Timing helpers for the quick mode. Baseline and candidate run in alternating rounds and the median round is
/// kept, so that a noisy neighbour or a GC hits both sides alike.
/// </summary>
public static class Measure
{
    /// <summary>Nanoseconds per operation of <paramref name="baseline"/> and <paramref name="candidate"/>, each run <paramref name="operations"/> times per round.</summary>
    public static (double BaselineNs, double CandidateNs) NanosecondsPerOperation(Action<int> baseline, Action<int> candidate, int operations, int rounds = 7)
    {
        baseline(Math.Min(operations, 1000));
        candidate(Math.Min(operations, 1000));
        var baseRounds = new double[rounds];
        var candidateRounds = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            baseRounds[r] = Time(baseline, operations);
            candidateRounds[r] = Time(candidate, operations);
        }

        return (Median(baseRounds), Median(candidateRounds));
    }

    /// <summary>The figure for a pair of per-operation timings.</summary>
    public static QuickFigure Figure(string name, (double BaselineNs, double CandidateNs) timings) =>
        new(name, timings.CandidateNs / timings.BaselineNs, timings.CandidateNs, "ns/op");

    /// <summary>The median of some samples.</summary>
    public static double Median(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double Time(Action<int> work, int operations)
    {
        var started = Stopwatch.GetTimestamp();
        work(operations);
        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / operations;
    }
}
