namespace CloudConfig.Benchmarks.Quick;

/// <summary>
/// A quick-mode benchmark: measures a baseline and our code in the same process and reports figures.
/// Implementations are discovered by reflection, so adding one is adding a file.
/// </summary>
public interface IQuickBenchmark
{
    /// <summary>Measures and returns the figures; should take seconds, not minutes.</summary>
    Task<IReadOnlyList<QuickFigure>> RunAsync(CancellationToken cancellationToken);
}
