using System.Globalization;
using CloudConfig.Testing;
using Spectre.Console;

namespace CloudConfig.Samples.Shared;

/// <summary>Prints what <see cref="LocalCloud.EndAllAsync"/> ended before a sample exits.</summary>
public static class TeardownPrinter
{
    /// <summary>One line for the console, such as <c>Cleaned up: 3 instances terminated, 3 entries removed.</c></summary>
    /// <param name="report">The teardown's report.</param>
    /// <returns>The line.</returns>
    public static string Summary(LocalTeardownReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{(report.Clean ? "Cleaned up" : "Clean-up INCOMPLETE")}: {Count(report.InstancesTerminated, "instance")} terminated, {Count(report.EntriesRemoved, "entry", "entries")} removed"
            + (report.Clean ? "." : $"; {report.Failures.Count} left behind:");
    }

    /// <summary>Prints <see cref="Summary"/> (grey when clean, red otherwise) and one line per thing left behind.</summary>
    /// <param name="report">The teardown's report.</param>
    public static void Write(LocalTeardownReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Clean)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]{Summary(report)}[/]");
            return;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]{Summary(report)}[/]");
        foreach (var failure in report.Failures)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]still there[/] {failure}");
        }
    }

    private static string Count(int n, string one, string? many = null) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many ?? one + "s")}";
}
