namespace CloudConfig.Tool;

/// <summary>
/// The app's API key, held so that it is never shown: <see cref="ToString"/> gives a placeholder and
/// <see cref="Redact"/> removes it from any text the tool is about to write.
/// </summary>
internal sealed class ApiKey
{
    /// <summary>The most a key file may hold; anything bigger is not a key.</summary>
    public const int MaxFileBytes = 16 * 1024;

    private const string Placeholder = "[api key]";

    private readonly string _value;

    private ApiKey(string value, string source)
    {
        _value = value;
        Source = source;
    }

    /// <summary>Where the key came from (an option, a variable, a file name); never the key.</summary>
    public string Source { get; }

    /// <summary>Checks a key read from <paramref name="source"/>; the error names the source, never the value.</summary>
    public static ApiKey From(string text, string source)
    {
        var value = text.Trim();
        if (value.Length == 0)
        {
            throw ToolFailureException.Usage($"the API key from {source} is empty.");
        }

        // It travels in an Authorization header: anything else would be refused there, and the refusal
        // message of the HTTP stack would quote the value.
        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                throw ToolFailureException.Usage($"the API key from {source} must be one line of printable ASCII without spaces.");
            }
        }

        return new ApiKey(value, source);
    }

    /// <summary>The key, for the client's options only.</summary>
    public string Reveal() => _value;

    /// <summary>The text with every occurrence of the key replaced by a placeholder.</summary>
    public string Redact(string text) => text.Replace(_value, Placeholder, StringComparison.Ordinal);

    /// <summary>Never the key.</summary>
    public override string ToString() => Placeholder;
}
