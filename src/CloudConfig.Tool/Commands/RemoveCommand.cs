using System.CommandLine;

namespace CloudConfig.Tool;

/// <summary><c>remove &lt;uuid&gt;</c>: removes an entry; its boot string and trust key stop working.</summary>
internal static class RemoveCommand
{
    public static Command Create(GlobalOptions options, ToolConsole console)
    {
        var uuid = UuidArgument.Create("The entry's uuid");
        var command = new Command("remove", "Remove an entry (its instance can no longer fetch or report)");
        command.Arguments.Add(uuid);
        CommandRunner.SetAction(command, options, console, async (parse, session, cancellationToken) =>
        {
            var id = parse.GetValue(uuid);
            if (!await session.Registry.RemoveAsync(id, cancellationToken).ConfigureAwait(false))
            {
                throw ToolFailureException.NoEntry(id);
            }

            await console.Out.WriteLineAsync($"removed {id}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
