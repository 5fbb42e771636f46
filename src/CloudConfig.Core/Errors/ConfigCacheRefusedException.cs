using System.Buffers;

namespace CloudConfig.Core;

/// <summary>
/// The cache refused the operation where it was asked, for a reason of its own that asking again here will not change
/// (for example a read-only site of a federation); nothing changed. <see cref="Reason"/> names the reason with a
/// stable token the package that throws it documents.
/// </summary>
/// <remarks>
/// A cache's own refusals derive from this class rather than from <see cref="ConfigCacheException"/> directly, so
/// every host can answer them without knowing the cache: the rendezvous server answers 409 with the problem kind
/// <c>refused</c> and the reason, and its clients throw this exception again with the same reason. A cache error a
/// host cannot place is an internal error (a 500 that shows no detail).
/// </remarks>
public class ConfigCacheRefusedException : ConfigCacheException
{
    private static readonly SearchValues<char> ReasonCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    /// <summary>Creates the exception.</summary>
    /// <param name="reason">The reason's token: lowercase letters, digits and hyphens, starting with a letter (at most 64).</param>
    /// <param name="message">What was refused and why; never a secret.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is not such a token.</exception>
    public ConfigCacheRefusedException(string reason, string message)
        : base(message)
    {
        Reason = IsReason(reason) ? reason : throw new ArgumentException("A refusal's reason is lowercase letters, digits and hyphens, starting with a letter (at most 64).", nameof(reason));
    }

    /// <summary>The reason's stable token, for example <c>read-only-site</c>.</summary>
    public string Reason { get; }

    /// <summary>Whether <paramref name="reason"/> is a valid reason token (what a client checks before trusting one it received).</summary>
    public static bool IsReason(string? reason) =>
        reason is { Length: > 0 and <= 64 } && char.IsAsciiLetterLower(reason[0]) && !reason.AsSpan().ContainsAnyExcept(ReasonCharacters);
}
