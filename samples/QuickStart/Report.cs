using System.Globalization;
using CloudConfig.Samples.Shared;
using CloudConfig.Testing;
using Spectre.Console;

namespace QuickStart;

/// <summary>Everything the QuickStart prints.</summary>
internal static class Report
{
    public static void Setting(LocalCloud local, QuickStartArguments arguments)
    {
        // Redirected output has no width of its own; 80 columns would wrap every uuid.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160;
        }

        var cloud = local.Cloud is { } embedded
            ? $"embedded Deltacloud at {embedded.ApiUrl} (its boot hook runs the real agent in this process)"
            : $"Deltacloud at {arguments.DeltacloudUrl} (agents run in this process: the cloud boots nothing here)";
        AnsiConsole.MarkupLineInterpolated($"[grey]rendezvous server[/]  http://{local.RendezvousAddress}/ (in-memory cache, shared with this app)");
        AnsiConsole.MarkupLineInterpolated($"[grey]cloud[/]              {cloud}");
        AnsiConsole.WriteLine();
    }

    public static void QuickStart(QuickStartResult result)
    {
        AnsiConsole.MarkupLineInterpolated($"Provisioned and configured {result.Instances.Count} instances in {Seconds(result.ProvisionTime)} (one ProvisionAsync call each, then WaitUntilConfiguredAsync):");
        AnsiConsole.Write(Table(result.Instances));
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLineInterpolated($"Pushed configuration 2 to {result.Updated.InstanceId} ({result.Updated.Role}); applied in {Seconds(result.UpdateTime)}:");
        AnsiConsole.Write(Table([result.Updated]));
        AnsiConsole.MarkupLine("[green]OK[/]: every instance configured itself, and the update was applied (generation 2, tls=true).");
    }

    public static void Summary(ManyResult result)
    {
        AnsiConsole.MarkupLineInterpolated(
            $"{result.Total} requested, [green]{result.Configured.Count} configured[/], [{(result.Failures.Count == 0 ? "green" : "red")}]{result.Failures.Count} failed[/] in {Seconds(result.Elapsed)}.");
        if (result.Configured.Count > 0)
        {
            AnsiConsole.Write(Table(result.Configured.Take(5).ToList()));
            if (result.Configured.Count > 5)
            {
                AnsiConsole.MarkupLineInterpolated($"[grey]... and {result.Configured.Count - 5} more.[/]");
            }
        }

        foreach (var failure in result.Failures.Take(10))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]failed[/] {failure}");
        }
    }

    public static void Failure(Exception e, IReadOnlyCollection<string> agentFailures)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]Failed:[/] {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}");
        foreach (var failure in agentFailures.Take(10))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]agent stopped[/] {failure}");
        }
    }

    private static Table Table(IReadOnlyList<InstanceRow> rows)
    {
        var table = new Table().AddColumns(
            new TableColumn("uuid").NoWrap(), new TableColumn("instance").NoWrap(), new TableColumn("address").NoWrap(), new TableColumn("parameters"), new TableColumn("status"));
        foreach (var row in rows)
        {
            var status = row.Entry.Status;
            table.AddRow(
                Markup.Escape(row.Uuid.ToString()),
                Markup.Escape(row.InstanceId),
                Markup.Escape(row.Entry.Address ?? "-"),
                Markup.Escape(row.ParameterText),
                Markup.Escape($"{status.State} (gen {status.AppliedGeneration?.ToString(CultureInfo.InvariantCulture) ?? "?"}, exit {status.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"})"));
        }

        return table;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture);
}
