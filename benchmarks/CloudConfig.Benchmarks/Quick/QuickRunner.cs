using System.Globalization;

namespace CloudConfig.Benchmarks.Quick;

/// <summary>
/// Finds every <see cref="IQuickBenchmark"/>, runs it, and prints "name ratio value", each figure's goal and whether
/// it meets it, then one line counting the misses. The exit code says only whether a benchmark failed to run.
/// </summary>
public static class QuickRunner
{
    public static async Task<int> RunAsync(string? filter)
    {
        var benchmarks = typeof(QuickRunner).Assembly.GetTypes()
            .Where(t => typeof(IQuickBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Where(t => filter is null || t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        var failures = 0;
        var (figures, misses, withoutGoal) = (0, 0, 0);
        foreach (var type in benchmarks)
        {
            try
            {
                var benchmark = (IQuickBenchmark)Activator.CreateInstance(type)!;
                foreach (var figure in await benchmark.RunAsync(CancellationToken.None))
                {
                    figures++;
                    var goal = QuickGoals.For(figure.Name);
                    var verdict = goal is null ? "goal: none set" : $"goal: {goal.Describe(figure)} {(goal.IsMetBy(figure) ? "ok" : "MISS")}";
                    misses += goal is not null && !goal.IsMetBy(figure) ? 1 : 0;
                    withoutGoal += goal is null ? 1 : 0;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{figure.Name} {figure.Ratio:0.###} {figure.Value:0.###}{figure.Unit}  {verdict}"));
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures++;
                Console.Error.WriteLine($"{type.Name} failed: {e.Message}");
            }
        }

        Console.WriteLine($"goals: {misses} of {figures - withoutGoal} figures miss their goals ({withoutGoal} without a goal)");
        return failures == 0 ? 0 : 1;
    }
}
