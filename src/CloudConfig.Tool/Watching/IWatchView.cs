using CloudConfig.Core;

namespace CloudConfig.Tool;

/// <summary>Where <c>entries watch</c> shows each poll's entries: a live table, or a line per change.</summary>
internal interface IWatchView
{
    void Show(IReadOnlyList<ConfigEntry> entries, DateTimeOffset now);
}
