namespace CloudConfig.Core;

/// <summary>
/// A boot string could not be read. The message names the part that is wrong and never repeats the input, which
/// carries a secret.
/// </summary>
public class BootStringFormatException : FormatException
{
    /// <summary>Creates the exception for a part of the boot string and the reason.</summary>
    /// <param name="part">The part that is wrong: <c>version</c>, <c>uuid</c>, <c>address</c>, <c>secret</c>, <c>fingerprint</c> or <c>structure</c>.</param>
    /// <param name="problem">What is wrong with it.</param>
    public BootStringFormatException(string part, string problem)
        : base($"Invalid boot string {part}: {problem}")
    {
        Part = part;
    }

    /// <summary>Creates the exception for a part with a message of the derived type's own.</summary>
    /// <param name="part">The part that is wrong.</param>
    /// <param name="problem">What is wrong with it, never quoting a secret.</param>
    /// <param name="message">The whole message.</param>
    protected BootStringFormatException(string part, string problem, string message)
        : base(message)
    {
        Part = part;
    }

    /// <summary>The part of the boot string that is wrong.</summary>
    public string Part { get; }
}
