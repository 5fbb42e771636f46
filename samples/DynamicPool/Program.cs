using System.Globalization;
using CloudConfig.Core;
using CloudConfig.Samples.Shared;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

// Usage: dotnet run --project samples/DynamicPool -- [--count N]   (default 6)
var count = 6;
if (args is ["--count", var text] && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000)
{
    count = n;
}
else if (args.Length > 0)
{
    Console.Error.WriteLine("Usage: dotnet run --project samples/DynamicPool -- [--count N]   (N from 1 to 1000, default 6)");
    return 2;
}

if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
}

try
{
    await using var local = await LocalCloud.StartAsync();
    await using var services = local.CreateAppServices();
    var provisioner = services.GetRequiredService<ConfigProvisioner>();
    AnsiConsole.MarkupLineInterpolated($"[grey]rendezvous server[/]  http://{local.RendezvousAddress}/ (in-memory cache, shared with this app)");
    AnsiConsole.MarkupLineInterpolated($"[grey]cloud[/]              embedded Deltacloud at {local.Cloud!.ApiUrl}; its image knows the rendezvous address, the pool and its credential");
    AnsiConsole.WriteLine();

    var result = await new DynamicPoolScenario(local, provisioner, new SampleLaunch(), TimeSpan.FromSeconds(30)).RunAsync(count);

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
}
#pragma warning disable CA1031 // Whatever went wrong, the user gets one readable line and a non-zero exit code.
catch (Exception e)
#pragma warning restore CA1031
{
    AnsiConsole.MarkupLineInterpolated($"[red]Failed:[/] {e.Message}");
    return 1;
}
