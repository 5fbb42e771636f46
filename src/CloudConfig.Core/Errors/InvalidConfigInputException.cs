namespace CloudConfig.Core;

/// <summary>An input was invalid; nothing was changed. <see cref="Field"/> names the input.</summary>
public class InvalidConfigInputException : ConfigCacheException
{
    /// <summary>Creates the exception for a field and the reason it was refused.</summary>
    /// <param name="field">The input's name, as the API calls it (for example <c>uuid</c> or <c>parameters</c>).</param>
    /// <param name="problem">What is wrong, phrased to follow the field name ("must not be empty.").</param>
    public InvalidConfigInputException(string field, string problem)
        : base($"Invalid {field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>The input that was refused.</summary>
    public string Field { get; }

    /// <summary>Why it was refused.</summary>
    public string Problem { get; }
}
