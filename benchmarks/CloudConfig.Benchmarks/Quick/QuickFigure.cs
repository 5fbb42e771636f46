namespace CloudConfig.Benchmarks.Quick;

/// <summary>One figure of the quick mode: ours divided by the baseline, and our own value with its unit.</summary>
/// <param name="Name">The figure's stable name, for example <c>inmemory.fetch_vs_dictionary</c>.</param>
/// <param name="Ratio">Our cost divided by the baseline's (below 1 means faster than the baseline).</param>
/// <param name="Value">Our measured value.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>, for example <c>ns/op</c>.</param>
public sealed record QuickFigure(string Name, double Ratio, double Value, string Unit);
