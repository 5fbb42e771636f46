using System.Diagnostics;

namespace CloudConfig.Benchmarks.Rendezvous;

/// <summary>The one load generator both sides of a comparison use: N workers sharing a count of requests.</summary>
public static class LoadGenerator
{
    /// <summary>Runs <paramref name="total"/> requests over <paramref name="workers"/> concurrent workers; returns the wall time.</summary>
    public static async Task<TimeSpan> RunAsync(int workers, int total, Func<int, Task> request)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                await request(i);
            }
        })));
        return Stopwatch.GetElapsedTime(started);
    }
}
