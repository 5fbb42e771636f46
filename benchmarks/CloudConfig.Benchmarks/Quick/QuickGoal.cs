using System.Globalization;

namespace CloudConfig.Benchmarks.Quick;

/// <summary>The range a figure's ratio (or, for an absolute goal, its value) should fall in.</summary>
/// <param name="AtLeast">The lowest number that meets the goal, or null for no lower bound.</param>
/// <param name="AtMost">The highest number that meets the goal.</param>
/// <param name="OfValue">Whether the goal is on the figure's value rather than its ratio.</param>
public sealed record QuickGoal(double? AtLeast, double AtMost, bool OfValue = false)
{
    /// <summary>A ratio of at most <paramref name="atMost"/>.</summary>
    public static QuickGoal Max(double atMost) => new(null, atMost);

    /// <summary>A value (in the figure's unit) of at most <paramref name="atMost"/>.</summary>
    public static QuickGoal MaxValue(double atMost) => new(null, atMost, OfValue: true);

    public bool IsMetBy(QuickFigure figure)
    {
        var measured = OfValue ? figure.Value : figure.Ratio;
        return measured <= AtMost && (AtLeast is not { } low || measured >= low);
    }

    /// <summary>"ratio &lt;= 1.5", "ratio 0.9-1.1" or "value &lt;= 100 B/refusal".</summary>
    public string Describe(QuickFigure figure)
    {
        var what = OfValue ? "value" : "ratio";
        var unit = OfValue ? figure.Unit : "";
        return AtLeast is { } low
            ? string.Create(CultureInfo.InvariantCulture, $"{what} {low:0.###}-{AtMost:0.###}{unit}")
            : string.Create(CultureInfo.InvariantCulture, $"{what} <= {AtMost:0.###}{unit}");
    }
}
