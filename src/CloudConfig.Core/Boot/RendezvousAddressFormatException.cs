namespace CloudConfig.Core;

/// <summary>
/// A text given as a rendezvous address (an option, a command-line argument) is not one. The message quotes the
/// text, since an address is no secret, says what is wrong and what is accepted, as in
/// <c>'ftp://x' is not a rendezvous address: only http and https URLs name a rendezvous server (was 'ftp').</c>
/// Inside a boot string the address is reported as a <see cref="BootStringFormatException"/> that quotes nothing.
/// </summary>
public class RendezvousAddressFormatException : BootStringFormatException
{
    // A message stays one readable line even when the text given is a whole file by mistake.
    private const int MaxQuotedLength = 200;

    /// <summary>Creates the exception for a text and the reason it is not an address.</summary>
    /// <param name="text">The text that was given.</param>
    /// <param name="problem">What is wrong with it.</param>
    public RendezvousAddressFormatException(string text, string problem)
        : base("address", problem, $"'{Quote(text)}' is not a rendezvous address: {problem} Write host:port, [IPv6]:port or a URL such as http://host:port/.")
    {
        Problem = problem;
    }

    /// <summary>What is wrong with the text, without quoting it.</summary>
    public string Problem { get; }

    private static string Quote(string? text) =>
        text is null ? "" : text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "...");
}
