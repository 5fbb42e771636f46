namespace CloudConfig.Rendezvous.Protocol;

/// <summary>The stable error kinds of the rendezvous API and their problem types.</summary>
public static class RendezvousProblemKinds
{
    /// <summary>The prefix of every problem type.</summary>
    public const string TypePrefix = "urn:cloudconfig:problem:";

    /// <summary>404: no entry matches that id and credential (unknown, wrong, replayed: one answer).</summary>
    public const string NotFound = "not-found";

    /// <summary>400: an input was invalid (<see cref="ProblemMessage.Field"/> names it).</summary>
    public const string InvalidInput = "invalid-input";

    /// <summary>400 or 413: the configuration or the body is over the limit.</summary>
    public const string TooLarge = "too-large";

    /// <summary>409: the uuid is taken.</summary>
    public const string AlreadyExists = "already-exists";

    /// <summary>409: the dynamic pool ran dry.</summary>
    public const string NoDynamicEntry = "no-dynamic-entry";

    /// <summary>
    /// 409: the cache behind this server refuses the operation here for a reason of its own, which
    /// <see cref="ProblemMessage.Reason"/> names (<c>read-only-site</c>: a cloud site of a federation, whose
    /// registrations are written on premises); asking again here will not change it.
    /// </summary>
    public const string Refused = "refused";

    /// <summary>507: the cache is full.</summary>
    public const string CacheFull = "cache-full";

    /// <summary>401: the app's API key is missing or wrong, or an instance credential is missing or malformed.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>415: the body is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "unsupported-media-type";

    /// <summary>429: too many failed attempts from this address or for this entry.</summary>
    public const string RateLimited = "rate-limited";

    /// <summary>503: the backing cache is unavailable.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>500: anything else.</summary>
    public const string Internal = "internal";

    /// <summary>The problem type URN of a kind.</summary>
    public static string TypeOf(string kind) => TypePrefix + kind;
}
