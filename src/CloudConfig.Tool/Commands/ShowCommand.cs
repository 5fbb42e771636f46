using System.CommandLine;

namespace CloudConfig.Tool;

/// <summary><c>entries show &lt;uuid&gt;</c>: one entry in detail.</summary>
internal static class ShowCommand
{
    public static Command Create(GlobalOptions options, ToolConsole console)
    {
        var uuid = UuidArgument.Create("The entry's uuid");
        var json = new Option<bool>("--json") { Description = "Write the entry as JSON, as the API writes it" };
        var command = new Command("show", "Show one entry: state, generations, address, parameters, contacts, the failure's output");
        command.Arguments.Add(uuid);
        command.Options.Add(json);
        CommandRunner.SetAction(command, options, console, async (parse, session, cancellationToken) =>
        {
            var id = parse.GetValue(uuid);
            var entry = await session.Registry.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw ToolFailureException.NoEntry(id);
            if (parse.GetValue(json))
            {
                EntryJson.WriteEntry(console.Out, entry);
            }
            else if (session.Rich)
            {
                EntryDetails.WriteRich(session.Ansi, entry, console.Time.GetUtcNow());
            }
            else
            {
                EntryDetails.WritePlain(console.Out, entry);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
