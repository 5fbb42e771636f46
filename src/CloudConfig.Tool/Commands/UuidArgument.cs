using System.CommandLine;

namespace CloudConfig.Tool;

/// <summary>The entry's uuid as a positional argument, with a readable error for anything that is not one.</summary>
internal static class UuidArgument
{
    public static Argument<Guid> Create(string description) => new("uuid")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Guid.TryParse(text, out var uuid) && uuid != Guid.Empty)
            {
                return uuid;
            }

            result.AddError($"'{DisplayText.Clean(text)}' is not an entry's uuid (expected e.g. 0f8fad5b-d9cb-469f-a165-70867728950e).");
            return Guid.Empty;
        },
    };
}
