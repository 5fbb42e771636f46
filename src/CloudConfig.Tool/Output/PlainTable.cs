namespace CloudConfig.Tool;

/// <summary>
/// Plain output for scripts: one line per row, cells separated by one tab, no colour, no escape sequences.
/// Cells are cleaned (<see cref="DisplayText.Clean"/>), so a tab or a newline never appears inside one.
/// </summary>
internal static class PlainTable
{
    public static void WriteRow(TextWriter writer, IEnumerable<string> cells) => writer.WriteLine(string.Join('\t', cells));
}
