using System.Globalization;
using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>
/// Reads the <c>key=value</c> lines a configuration command writes to its parameters file into typed values.
/// </summary>
/// <remarks>
/// <para>The rule, chosen to be predictable rather than clever:</para>
/// <list type="bullet">
/// <item><description>Blank lines and lines starting with <c>#</c> are ignored; so is a line without <c>=</c>.</description></item>
/// <item><description>The key is the text before the first <c>=</c>, trimmed; the value is everything after it, as written (only a trailing carriage return is dropped).</description></item>
/// <item><description><c>true</c> and <c>false</c> (lowercase, exactly) are booleans.</description></item>
/// <item><description>An integer written canonically (optional <c>-</c>, digits, no leading zero, fits in 64 bits) is an integer; <c>007</c>, <c>+1</c> and <c>-0</c> stay text so nothing is lost.</description></item>
/// <item><description>Everything else is text, including decimals: <c>1.10</c> is a version, not the number 1.1.</description></item>
/// <item><description>A key written twice keeps its last value. Keys and values over the cache's limits, and keys past the parameter count limit, are dropped.</description></item>
/// </list>
/// </remarks>
internal static class ParameterFileParser
{
    public static IReadOnlyDictionary<string, ParameterValue> Parse(string text, ConfigCacheLimits limits, out int dropped)
    {
        var parameters = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        dropped = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.EndsWith('\r') ? rawLine[..^1] : rawLine;
            if (line.TrimStart().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? "" : line[..equals].Trim();
            if (key.Length == 0 || key.Length > limits.MaxParameterKeyLength || HasControl(key))
            {
                dropped++;
                continue;
            }

            var value = line[(equals + 1)..];
            if (value.Length > limits.MaxParameterValueLength || (!parameters.ContainsKey(key) && parameters.Count >= limits.MaxParameters))
            {
                dropped++;
                continue;
            }

            parameters[key] = ToValue(value);
        }

        return parameters.AsReadOnly();
    }

    public static ParameterValue ToValue(string text)
    {
        switch (text)
        {
            case "true":
                return ParameterValue.FromBoolean(true);
            case "false":
                return ParameterValue.FromBoolean(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            && integer.ToString(CultureInfo.InvariantCulture) == text)
        {
            return ParameterValue.FromInteger(integer);
        }

        return ParameterValue.FromString(text);
    }

    private static bool HasControl(string key)
    {
        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
