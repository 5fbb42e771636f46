using System.Globalization;
using CloudConfig.Cache.Nats;
using Spectre.Console;

namespace Federation;

/// <summary>Everything the sample prints.</summary>
internal static class Report
{
    public static void Setting(FederatedSites sites)
    {
        // Redirected output has no width of its own; 80 columns would wrap every uuid.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 170;
        }

        AnsiConsole.MarkupLineInterpolated($"[grey]on premises[/]  nats-server {sites.Federation.OnPremises.Url} (JetStream domain {sites.Federation.OnPremisesDomain}), a leaf node dialling out to each hub; this app's FederatedConfigRegistry");
        foreach (var cloud in sites.Clouds)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]{cloud.Domain,-12}[/] hub nats-server {sites.Federation[cloud.Domain].Hub.Url}; rendezvous server http://{cloud.RendezvousAddress}/ (NATS, a cloud site); embedded Deltacloud {cloud.Cloud.ApiUrl}");
        }

        AnsiConsole.WriteLine();
    }

    public static void Provisioned(int instances, int clouds, TimeSpan elapsed) =>
        AnsiConsole.MarkupLineInterpolated($"Provisioned {instances} instances into {clouds} clouds by domain; all configured in {Seconds(elapsed)}.");

    public static void LinkDown(string cloud, CloudLinkStatus down, CloudLinkStatus other) =>
        AnsiConsole.MarkupLineInterpolated(
            $"[yellow]Cut the link to {cloud}.[/] The registry sees it down: last heard of {Seconds(down.SinceLastContact ?? TimeSpan.Zero)} ago (link to {other.Domain}: {(other.IsUp ? "up" : "down")}).");

    public static void ReadWhileDown(string cloud, int readable, int total) =>
        AnsiConsole.MarkupLineInterpolated($"  read on premises while it is down: {readable} of {total} reports of {cloud} (from the local mirror, as they were)");

    public static void OtherCloudsWorked(int configured, TimeSpan elapsed, int waiting, Guid updated) =>
        AnsiConsole.MarkupLineInterpolated(
            $"  registered more meanwhile: the other cloud's {configured} instances are all configured ({Seconds(elapsed)}); {waiting} new instances and an update to {updated} wait for the link");

    public static void Restored(string cloud, TimeSpan outage, TimeSpan caughtUp) =>
        AnsiConsole.MarkupLineInterpolated($"[green]Restored the link to {cloud}[/] after {Seconds(outage)}; everything made meanwhile arrived, and every instance reported, {Seconds(caughtUp)} later:");

    public static void Instances(FederationResult result)
    {
        var table = new Table().AddColumns(
            new TableColumn("uuid").NoWrap(), new TableColumn("cloud").NoWrap(), new TableColumn("registered").NoWrap(), new TableColumn("instance").NoWrap(),
            new TableColumn("address").NoWrap(), new TableColumn("parameters"), new TableColumn("status").NoWrap());
        foreach (var row in result.Rows)
        {
            var entry = row.Instance.Entry;
            table.AddRow(
                row.Instance.Uuid.ToString(),
                Markup.Escape(row.Cloud),
                Markup.Escape(row.Phase == "before" ? "before the cut" : "during the cut"),
                Markup.Escape(row.Instance.InstanceId),
                Markup.Escape(entry.Address ?? "-"),
                Markup.Escape(row.Instance.ParameterText),
                Markup.Escape($"{entry.Status.State} (gen {entry.Generation.ToString(CultureInfo.InvariantCulture)}, exit {entry.Status.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-"})"));
        }

        AnsiConsole.Write(table);
        if (result.Lost == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]OK[/]: {result.Rows.Count} instances, nothing lost: every registration reached its cloud and every report came back, the update included.");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"[red]LOST[/]: {result.Lost} of {result.Rows.Count} instances did not report what they should have.");
        }
    }

    public static void Failure(Exception e) =>
        AnsiConsole.MarkupLineInterpolated($"[red]Failed:[/] {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}");

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
}
