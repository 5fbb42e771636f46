using System.Globalization;

namespace CloudConfig.Benchmarks.Quick;

/// <summary>Finds every <see cref="IQuickBenchmark"/>, runs it, and prints "name ratio value".</summary>
public static class QuickRunner
{
    public static async Task<int> RunAsync(string? filter)
    {
        var benchmarks = typeof(QuickRunner).Assembly.GetTypes()
            .Where(t => typeof(IQuickBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Where(t => filter is null || t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        var failures = 0;
        foreach (var type in benchmarks)
        {
            try
            {
                var benchmark = (IQuickBenchmark)Activator.CreateInstance(type)!;
                foreach (var figure in await benchmark.RunAsync(CancellationToken.None))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{figure.Name} {figure.Ratio:0.###} {figure.Value:0.###}{figure.Unit}"));
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures++;
                Console.Error.WriteLine($"{type.Name} failed: {e.Message}");
            }
        }

        return failures == 0 ? 0 : 1;
    }
}
