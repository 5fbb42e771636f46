namespace CloudConfig.Deltacloud;

/// <summary>
/// Keeps every message this client builds to one line ending in exactly one period: servers send messages that end
/// in their own period (<c>"... does not exists."</c>) or span lines (a Ruby snippet after an unknown driver).
/// </summary>
internal static class ErrorText
{
    private const int MaxLength = 300;

    /// <summary>The first line with text in it, trimmed and shortened; <see langword="null"/> when there is none.</summary>
    public static string? FirstLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            if (!trimmed.IsEmpty)
            {
                return Shorten(trimmed.ToString());
            }
        }

        return null;
    }

    /// <summary>The text as one line with one final period, however many it ended with.</summary>
    public static string Sentence(string text) => (FirstLine(text) ?? string.Empty).TrimEnd('.', ' ') + ".";

    private static string Shorten(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
