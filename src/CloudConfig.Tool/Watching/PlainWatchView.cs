using CloudConfig.Core;

namespace CloudConfig.Tool;

/// <summary>
/// Plain <c>entries watch</c>: a header, then one line per entry whenever it appears, changes (state, generations,
/// exit code, address, replays) or disappears (<c>removed</c>), prefixed with the time; nothing while all is still.
/// </summary>
internal sealed class PlainWatchView : IWatchView
{
    private readonly TextWriter _out;
    private Dictionary<Guid, EntryRow> _last = [];

    public PlainWatchView(TextWriter output)
    {
        _out = output;
        PlainTable.WriteRow(_out, ["TIME", .. EntryRow.Headers]);
        _out.Flush();
    }

    public void Show(IReadOnlyList<ConfigEntry> entries, DateTimeOffset now)
    {
        var time = DisplayText.Timestamp(now);
        var current = new Dictionary<Guid, EntryRow>(entries.Count);
        foreach (var entry in entries)
        {
            var row = EntryRow.From(entry);
            current[entry.Uuid] = row;
            // The last contact moves with every report; only what a report changes is news.
            if (!_last.TryGetValue(entry.Uuid, out var before) || before with { LastContact = "" } != row with { LastContact = "" })
            {
                PlainTable.WriteRow(_out, [time, .. row.Cells()]);
            }
        }

        foreach (var (uuid, row) in _last.Where(pair => !current.ContainsKey(pair.Key)))
        {
            PlainTable.WriteRow(_out, [time, .. (row with { State = "removed" }).Cells()]);
        }

        _last = current;
        _out.Flush();
    }
}
