using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudConfig.Tool;

/// <summary>Durations as operators write them: <c>90s</c>, <c>15m</c>, <c>2h30m</c>, <c>7d</c>, <c>500ms</c>.</summary>
internal static partial class Duration
{
    public const string Example = "e.g. 90s, 15m, 2h30m or 7d";

    private static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

    /// <summary>Reads a duration; <see langword="null"/> when the text is not one (or is longer than ten years).</summary>
    public static TimeSpan? TryParse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        var parts = match.Groups["part"].Captures;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i].Value;
            var digits = part.TakeWhile(char.IsAsciiDigit).Count();
            var unit = part[digits..] switch
            {
                "ms" => TimeSpan.FromMilliseconds(1),
                "s" => TimeSpan.FromSeconds(1),
                "m" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                _ => TimeSpan.FromDays(1),
            };
            // Checked against the limit before multiplying, so that no amount can overflow.
            if (!long.TryParse(part.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > Longest / unit)
            {
                return null;
            }

            total += unit * amount;
            if (total > Longest)
            {
                return null;
            }
        }

        return total;
    }

    /// <summary>A duration written back in the same form (<c>2h30m</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalMilliseconds}ms");
        }

        var text = string.Concat(
            duration.Days > 0 ? $"{duration.Days}d" : "",
            duration.Hours > 0 ? $"{duration.Hours}h" : "",
            duration.Minutes > 0 ? $"{duration.Minutes}m" : "",
            duration.Seconds > 0 ? $"{duration.Seconds}s" : "");
        return text.Length == 0 ? "0s" : text;
    }

    [GeneratedRegex(@"^(?<part>[0-9]{1,12}(ms|s|m|h|d))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
