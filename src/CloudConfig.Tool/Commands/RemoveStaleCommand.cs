using System.CommandLine;
using System.Globalization;

namespace CloudConfig.Tool;

/// <summary><c>remove-stale --older-than &lt;duration&gt;</c>: the server's <c>remove_stale</c> sweep.</summary>
internal static class RemoveStaleCommand
{
    public static Command Create(GlobalOptions options, ToolConsole console)
    {
        // At least a second: "--older-than 0s" would remove every entry, including the ones registered a moment ago.
        var olderThan = DurationOption.Create("--older-than", $"Remove entries not heard from for this long (never contacted: since registration), {Duration.Example}", TimeSpan.FromSeconds(1));
        olderThan.Required = true;
        var json = new Option<bool>("--json") { Description = "Write {\"removed\":N}, as the API does" };
        var command = new Command("remove-stale", "Remove every entry not heard from within a duration (unclaimed ones: since they were registered)");
        command.Options.Add(olderThan);
        command.Options.Add(json);
        CommandRunner.SetAction(command, options, console, async (parse, session, cancellationToken) =>
        {
            var age = parse.GetValue(olderThan)!.Value;
            var removed = await session.Registry.RemoveStaleAsync(age, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                EntryJson.WriteRemoved(console.Out, removed);
            }
            else
            {
                var noun = removed == 1 ? "entry" : "entries";
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"removed {removed} stale {noun} (not heard from in {Duration.Format(age)})")).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
