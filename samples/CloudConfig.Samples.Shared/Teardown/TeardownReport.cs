using Spectre.Console;

namespace CloudConfig.Samples.Shared;

/// <summary>What <see cref="SampleTeardown.RunAsync"/> ended.</summary>
/// <param name="InstancesTerminated">Instances terminated.</param>
/// <param name="EntriesRemoved">Entries removed.</param>
/// <param name="Failures">What could not be ended, one readable line each; empty when everything is gone.</param>
public sealed record TeardownReport(int InstancesTerminated, int EntriesRemoved, IReadOnlyList<string> Failures)
{
    /// <summary>Whether everything the sample started is gone.</summary>
    public bool Clean => Failures.Count == 0;

    /// <summary>One line for the console, such as <c>Cleaned up: 3 instances terminated, 3 entries removed.</c></summary>
    public string Summary =>
        $"{(Clean ? "Cleaned up" : "Clean-up INCOMPLETE")}: {Count(InstancesTerminated, "instance")} terminated, {Count(EntriesRemoved, "entry", "entries")} removed"
        + (Clean ? "." : $"; {Failures.Count} left behind:");

    /// <summary>Prints <see cref="Summary"/> (grey when clean, red otherwise) and one line per thing left behind.</summary>
    public void Write()
    {
        if (Clean)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]{Summary}[/]");
            return;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]{Summary}[/]");
        foreach (var failure in Failures)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]still there[/] {failure}");
        }
    }

    private static string Count(int n, string one, string? many = null) =>
        $"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)} {(n == 1 ? one : many ?? one + "s")}";
}
