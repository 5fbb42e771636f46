using System.CommandLine;
using CloudConfig.Core;

namespace CloudConfig.Tool;

/// <summary><c>update &lt;uuid&gt; &lt;file&gt;</c>: replaces an entry's configuration; its generation goes up by one.</summary>
internal static class UpdateCommand
{
    public static Command Create(GlobalOptions options, ToolConsole console)
    {
        var uuid = UuidArgument.Create("The entry's uuid");
        var file = new Argument<string>("file") { Description = "The new configuration" };
        var contentType = new Option<string?>("--content-type") { Description = "Its media type [default: the entry's current one]", HelpName = "type" };
        var json = new Option<bool>("--json") { Description = "Write the updated entry as JSON" };
        var command = new Command("update", "Replace an entry's configuration (its generation goes up by one; the running agent picks it up)");
        command.Arguments.Add(uuid);
        command.Arguments.Add(file);
        command.Options.Add(contentType);
        command.Options.Add(json);
        CommandRunner.SetAction(command, options, console, async (parse, session, cancellationToken) =>
        {
            var id = parse.GetValue(uuid);
            var bytes = await ConfigurationFile.ReadBytesAsync(parse.GetValue(file)!, parse.GetValue(contentType), cancellationToken).ConfigureAwait(false);
            var type = parse.GetValue(contentType)
                ?? (await session.Registry.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw ToolFailureException.NoEntry(id)).Configuration.ContentType;
            var configuration = ConfigurationContent.FromBytes(bytes, type);

            ConfigEntry entry;
            try
            {
                entry = await session.Registry.UpdateConfigurationAsync(id, configuration, cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigEntryNotFoundException)
            {
                throw ToolFailureException.NoEntry(id);
            }

            if (parse.GetValue(json))
            {
                EntryJson.WriteEntry(console.Out, entry);
            }
            else
            {
                await console.Out.WriteLineAsync($"updated {entry.Uuid}: generation {entry.Generation}, {DisplayText.Clean(entry.Configuration.ContentType)}, {entry.Configuration.Length} bytes").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
