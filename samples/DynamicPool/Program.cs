using System.CommandLine;
using System.Globalization;
using CloudConfig.Samples.Shared;
using CloudConfig.Testing;
using Spectre.Console;

var count = SampleCommandLine.WholeNumber("--count", "How many configurations and instances (default 6).", 1, 1000);
var command = new RootCommand(
    "Flow (c) on this machine: a pool of configurations, instances started with no user data whose agents claim "
    + "entries first come first served, then everything it started ended. Exit codes: 0 done, 1 failed, 2 usage error, 130 interrupted.")
{
    count,
};
command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(count) ?? 6, cancellationToken));
return await SampleCommandLine.RunAsync(command, args);

// Whatever happens (success, a failure, Ctrl+C), the pool's entries and instances are ended before it exits.
static Task<int> RunAsync(int count, CancellationToken interrupted)
{
    if (Console.IsOutputRedirected)
    {
        AnsiConsole.Profile.Width = 160;
    }

    return SampleSession.RunAsync(
        new LocalCloudOptions { ConfigureProvisioning = provisioning => provisioning.DefaultDomain = "samples" },
        async local =>
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]rendezvous server[/]  http://{local.RendezvousAddress}/ (in-memory cache, shared with this app)");
            AnsiConsole.MarkupLineInterpolated($"[grey]cloud[/]              embedded Deltacloud at {local.Cloud!.ApiUrl}; its image knows the rendezvous address, the pool and its credential");
            AnsiConsole.WriteLine();

            var result = await new DynamicPoolScenario(local, new SampleLaunch(), TimeSpan.FromSeconds(30)).RunAsync(count, interrupted);

            AnsiConsole.MarkupLineInterpolated($"Pool [bold]{result.Pool}[/]: {count} configurations registered, {count} instances started without user data; every entry claimed once and configured in {result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s:");
            var table = new Table().AddColumns(
                new TableColumn("slot").RightAligned(), new TableColumn("uuid").NoWrap(), new TableColumn("claimed by").NoWrap(), new TableColumn("address").NoWrap(), new TableColumn("parameters"), new TableColumn("status"));
            foreach (var claim in result.Claims)
            {
                var entry = claim.Entry.Entry;
                table.AddRow(
                    claim.Slot.ToString(CultureInfo.InvariantCulture),
                    claim.Entry.Uuid.ToString(),
                    Markup.Escape(claim.InstanceId),
                    Markup.Escape(entry.Address ?? "-"),
                    Markup.Escape(claim.Entry.ParameterText),
                    entry.Status.State.ToString());
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine("[green]OK[/]: every entry was claimed exactly once and configured.");
            return 0;
        },
        (e, _) => AnsiConsole.MarkupLineInterpolated($"[red]Failed:[/] {e.Message}"),
        interrupted);
}
