using CloudConfig.Core;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CloudConfig.Tool;

/// <summary>Rich <c>entries watch</c>: one table redrawn in place after every poll.</summary>
internal sealed class LiveWatchView(LiveDisplayContext context, string heading) : IWatchView
{
    public void Show(IReadOnlyList<ConfigEntry> entries, DateTimeOffset now)
    {
        context.UpdateTarget(Render(heading, entries, now));
        context.Refresh();
    }

    public static IRenderable Render(string heading, IReadOnlyList<ConfigEntry> entries, DateTimeOffset? now)
    {
        var updated = now is { } at ? $" · updated {DisplayText.Timestamp(at)}" : " · waiting for the first answer";
        return new Rows(
            new Markup($"[grey]{Markup.Escape(heading + updated)}[/]"),
            EntryTable.Create(entries, now ?? DateTimeOffset.MinValue),
            new Markup($"[grey]{Markup.Escape(EntryTable.Summary(entries))}[/]"));
    }
}
