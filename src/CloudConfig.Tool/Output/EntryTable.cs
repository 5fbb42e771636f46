using CloudConfig.Core;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CloudConfig.Tool;

/// <summary>The rich table of entries that <c>entries list</c> prints and <c>entries watch</c> keeps live.</summary>
internal static class EntryTable
{
    /// <summary>
    /// The entries for a person: fewer, merged columns than plain output (the exit code and a pending generation go
    /// with the state, the pool with the domain, replays only when there are any), so that it fits a terminal.
    /// </summary>
    public static Table Create(IReadOnlyCollection<ConfigEntry> entries, DateTimeOffset now)
    {
        var replays = entries.Any(e => e.BootSecretReplays > 0);
        var table = new Table().RoundedBorder()
            .AddColumn(new TableColumn("uuid").NoWrap())
            .AddColumn("state")
            .AddColumn(new TableColumn("gen").RightAligned())
            .AddColumn("address")
            .AddColumn("last contact")
            .AddColumn("domain");
        if (replays)
        {
            table.AddColumn(new TableColumn("replays").RightAligned());
        }

        table.AddColumn("detail");
        foreach (var entry in entries)
        {
            var row = EntryRow.From(entry);
            var domain = entry.DynamicPool is null ? row.Domain : $"{row.Domain} (pool {row.Pool})";
            var cells = new List<IRenderable>
            {
                new Text(row.Uuid),
                new Markup(StateMarkup(entry)),
                new Text(row.Generation),
                new Text(row.Address),
                new Text(DisplayText.Ago(entry.LastContactAt, now)),
                new Text(domain),
            };
            if (replays)
            {
                cells.Add(entry.BootSecretReplays > 0 ? new Markup($"[red]{row.Replays}[/]") : new Text(row.Replays));
            }

            cells.Add(row.Detail == DisplayText.Empty ? Text.Empty : new Markup($"[red]{Markup.Escape(row.Detail)}[/]"));
            table.AddRow(cells);
        }

        return table;
    }

    /// <summary>The state in colour; a configuration that is newer than what the state refers to shows as pending.</summary>
    public static string StateMarkup(ConfigEntry entry)
    {
        var name = EntryFacts.StateName(entry.Status.State);
        var colour = entry.Status.State switch
        {
            InstanceState.Configured => "green",
            InstanceState.Failed => "red",
            InstanceState.Configuring => "yellow",
            _ => "grey",
        };
        var exit = entry.Status.ExitCode is { } code ? $" (exit {code})" : "";
        var pending = EntryFacts.AppliedGeneration(entry) < entry.Generation ? $" [yellow]gen {entry.Generation} pending[/]" : "";
        return $"[{colour}]{name}{exit}[/]{pending}";
    }

    /// <summary>A one-line count by state, e.g. <c>3 entries: 2 configured, 1 failed</c>.</summary>
    public static string Summary(IReadOnlyCollection<ConfigEntry> entries)
    {
        var counts = entries
            .GroupBy(e => e.Status.State)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {EntryFacts.StateName(g.Key)}");
        var noun = entries.Count == 1 ? "entry" : "entries";
        return entries.Count == 0 ? "no entries" : $"{entries.Count} {noun}: {string.Join(", ", counts)}";
    }
}
