using System.CommandLine.Parsing;
using System.Globalization;

namespace CloudConfig.Agent.Host;

/// <summary>
/// The checks of the agent's option values. Each problem names the option, never the value (a mistyped option may
/// be followed by a secret), and the value returned with it is never used: the agent exits with code 2.
/// </summary>
internal static class AgentArgumentValues
{
    public static string? NoneToNull(string value) => value is "" or "none" ? null : value;

    /// <summary>The text, when it is an absolute URL or 'none' (or empty); <see cref="UrlOrNull"/> reads it.</summary>
    public static string UrlOrNone(string value, ArgumentResult result)
    {
        if (NoneToNull(value) is not null && !Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            result.AddError($"{Name(result)} must be an absolute URL or 'none'.");
        }

        return value;
    }

    public static Uri? UrlOrNull(string value) => NoneToNull(value) is { } url ? new Uri(url, UriKind.Absolute) : null;

    public static int PositiveCount(string value, ArgumentResult result)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            return count;
        }

        result.AddError($"{Name(result)} must be a positive whole number.");
        return 1;
    }

    // Fractions allowed ("0.2"), so that tests and impatient operators can pace retries below a second.
    public static TimeSpan Duration(string value, ArgumentResult result)
    {
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 86_400)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        result.AddError($"{Name(result)} must be a number of seconds above 0 (at most a day).");
        return TimeSpan.FromSeconds(1);
    }

    public static TimeSpan WholeSeconds(string value, ArgumentResult result)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        result.AddError($"{Name(result)} must be a positive whole number of seconds.");
        return TimeSpan.Zero;
    }

    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
