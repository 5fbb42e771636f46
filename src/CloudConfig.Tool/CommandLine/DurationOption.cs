using System.CommandLine;

namespace CloudConfig.Tool;

/// <summary>An option that takes a <see cref="Duration"/>, refusing anything under <c>minimum</c> as a usage error.</summary>
internal static class DurationOption
{
    public static Option<TimeSpan?> Create(string name, string description, TimeSpan minimum) => new(name)
    {
        Description = description,
        HelpName = "duration",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            var duration = Duration.TryParse(text);
            if (duration is null)
            {
                result.AddError($"{name}: '{DisplayText.Clean(text)}' is not a duration ({Duration.Example}).");
            }
            else if (duration < minimum)
            {
                result.AddError($"{name} must be at least {Duration.Format(minimum)}.");
            }

            return duration;
        },
    };
}
