using System.CommandLine;
using Spectre.Console;

namespace CloudConfig.Tool;

/// <summary><c>entries list</c>: every entry (all pages), as a table, plain rows or JSON.</summary>
internal static class ListCommand
{
    public static Command Create(GlobalOptions options, ToolConsole console)
    {
        var filters = new EntryFilterOptions();
        var json = new Option<bool>("--json") { Description = "Write a JSON array of entries, as the API writes them" };
        var command = new Command("list", "List the entries (domain and pool filter on the server; every page is read)");
        filters.AddTo(command);
        command.Options.Add(json);
        CommandRunner.SetAction(command, options, console, async (parse, session, cancellationToken) =>
        {
            var entries = filters.ListAsync(parse, session.Registry, cancellationToken);
            if (parse.GetValue(json))
            {
                await EntryJson.WriteArrayAsync(console.Out, entries, cancellationToken).ConfigureAwait(false);
            }
            else if (session.Rich)
            {
                var all = await entries.ToListAsync(cancellationToken).ConfigureAwait(false);
                session.Ansi.Write(EntryTable.Create(all, console.Time.GetUtcNow()));
                session.Ansi.MarkupLine($"[grey]{Markup.Escape(EntryTable.Summary(all))}[/]");
            }
            else
            {
                // The header waits for the first page, so that a failed call leaves standard output empty.
                var headerWritten = false;
                await foreach (var entry in entries.ConfigureAwait(false))
                {
                    WriteHeaderOnce(console.Out, ref headerWritten);
                    PlainTable.WriteRow(console.Out, EntryRow.From(entry).Cells());
                }

                WriteHeaderOnce(console.Out, ref headerWritten);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteHeaderOnce(TextWriter output, ref bool written)
    {
        if (!written)
        {
            PlainTable.WriteRow(output, EntryRow.Headers);
            written = true;
        }
    }
}
