using System.Globalization;
using System.Text;

namespace CloudConfig.Tool;

/// <summary>How values reported by instances are made safe and readable before they reach a terminal or a pipe.</summary>
internal static class DisplayText
{
    /// <summary>What an empty field shows in every output, so that columns never collapse.</summary>
    public const string Empty = "-";

    /// <summary>
    /// The value with every control character (escape sequences, tabs, newlines) replaced by a space: an instance
    /// reports its own address, parameters and detail, and must not be able to drive the operator's terminal or
    /// shift the plain output's columns. Null or empty gives <see cref="Empty"/>.
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Empty;
        }

        if (!value.Any(char.IsControl))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>The last non-blank line of a status detail (the applier's output tail), cleaned.</summary>
    public static string LastLine(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            return Empty;
        }

        var lines = detail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? Empty : Clean(lines[^1]);
    }

    /// <summary>A moment as ISO 8601 UTC to the second, the form plain output and JSON use.</summary>
    public static string Timestamp(DateTimeOffset? moment) =>
        moment is { } m ? m.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : Empty;

    /// <summary>How long ago a moment was, for people: <c>42s ago</c>, <c>5m ago</c>, <c>3h ago</c>, <c>2d ago</c>.</summary>
    public static string Ago(DateTimeOffset? moment, DateTimeOffset now)
    {
        if (moment is not { } m)
        {
            return "never";
        }

        var age = now - m;
        return age switch
        {
            { TotalSeconds: < 1 } => "just now",
            { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalSeconds}s ago"),
            { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes}m ago"),
            { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours}h ago"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays}d ago"),
        };
    }

    /// <summary>A number in invariant culture, or <see cref="Empty"/>.</summary>
    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Empty;
}
