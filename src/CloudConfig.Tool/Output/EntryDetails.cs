using CloudConfig.Core;
using Spectre.Console;

namespace CloudConfig.Tool;

/// <summary><c>entries show</c>: one entry's every field, as a grid for people or <c>field&lt;TAB&gt;value</c> lines.</summary>
internal static class EntryDetails
{
    /// <summary>The fields in order; parameters follow as <c>parameter.&lt;name&gt;</c>, config hosts as <c>config-host</c>.</summary>
    public static IReadOnlyList<(string Field, string Value)> Fields(ConfigEntry entry)
    {
        var fields = new List<(string, string)>
        {
            ("uuid", entry.Uuid.ToString()),
            ("state", EntryFacts.StateName(entry.Status.State)),
            ("generation", DisplayText.Number(entry.Generation)),
            ("applied-generation", DisplayText.Number(entry.Status.AppliedGeneration)),
            ("exit-code", DisplayText.Number(entry.Status.ExitCode)),
            ("address", DisplayText.Clean(entry.Address)),
            ("domain", DisplayText.Clean(entry.Domain)),
            ("pool", DisplayText.Clean(entry.DynamicPool)),
            ("claimed", entry.IsClaimed ? "yes" : "no"),
            ("boot-secret-replays", DisplayText.Number(entry.BootSecretReplays)),
            ("created", DisplayText.Timestamp(entry.CreatedAt)),
            ("first-contact", DisplayText.Timestamp(entry.FirstContactAt)),
            ("last-contact", DisplayText.Timestamp(entry.LastContactAt)),
            ("content-type", DisplayText.Clean(entry.Configuration.ContentType)),
            ("configuration-bytes", DisplayText.Number(entry.Configuration.Length)),
        };
        fields.AddRange(entry.ConfigHosts.Select(host => ("config-host", DisplayText.Clean(host))));
        fields.AddRange(entry.Parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => ($"parameter.{DisplayText.Clean(p.Key)}", DisplayText.Clean(p.Value.ToString()))));
        return fields;
    }

    public static void WritePlain(TextWriter writer, ConfigEntry entry)
    {
        foreach (var (field, value) in Fields(entry))
        {
            PlainTable.WriteRow(writer, [field, value]);
        }

        // The detail is the one multi-line field: each of its lines gets its own row.
        foreach (var line in DetailLines(entry))
        {
            PlainTable.WriteRow(writer, ["detail", line]);
        }
    }

    public static void WriteRich(IAnsiConsole console, ConfigEntry entry, DateTimeOffset now)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (field, value) in Fields(entry))
        {
            var shown = field switch
            {
                "state" => EntryTable.StateMarkup(entry),
                "last-contact" or "first-contact" when value != DisplayText.Empty =>
                    $"{Markup.Escape(value)} [grey]({DisplayText.Ago(field == "last-contact" ? entry.LastContactAt : entry.FirstContactAt, now)})[/]",
                "boot-secret-replays" when entry.BootSecretReplays > 0 => $"[red]{value} (someone presented a used boot string)[/]",
                _ => Markup.Escape(value),
            };
            grid.AddRow(new Markup($"[grey]{Markup.Escape(field)}[/]"), new Markup(shown));
        }

        console.Write(grid);
        var detail = DetailLines(entry);
        if (detail.Count > 0)
        {
            console.Write(new Panel(new Text(string.Join('\n', detail))).Header("detail").RoundedBorder());
        }
    }

    private static List<string> DetailLines(ConfigEntry entry) =>
        string.IsNullOrEmpty(entry.Status.Detail)
            ? []
            : entry.Status.Detail.Split('\n').Select(line => DisplayText.Clean(line.TrimEnd('\r'))).Where(line => line != DisplayText.Empty).ToList();
}
