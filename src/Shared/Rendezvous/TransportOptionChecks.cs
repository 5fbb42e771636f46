// Shared source: compiled into each package that needs it (see the Compile items in its project), internal to
// each, so no package exposes it and none depends on another for it.
namespace CloudConfig.Rendezvous.Client;

/// <summary>
/// The timeout and retry checks every rendezvous client's options share, with the same messages, so that the
/// instance's and the app's clients refuse the same mistakes in the same words.
/// </summary>
internal static class TransportOptionChecks
{
    /// <summary>Every problem with a client's timeout and retry settings, or none.</summary>
    /// <param name="requestTimeout">How long one attempt may take; must be positive.</param>
    /// <param name="maxRetryAttempts">Retries after the first attempt; must not be negative.</param>
    /// <param name="retryBaseDelay">The first retry's delay; must not be negative.</param>
    /// <param name="maxRetryDelay">The longest retry delay; must not be less than <paramref name="retryBaseDelay"/>.</param>
    public static IReadOnlyList<string> Check(TimeSpan requestTimeout, int maxRetryAttempts, TimeSpan retryBaseDelay, TimeSpan maxRetryDelay)
    {
        var problems = new List<string>();
        if (requestTimeout <= TimeSpan.Zero)
        {
            problems.Add("RequestTimeout must be greater than zero.");
        }

        if (maxRetryAttempts < 0)
        {
            problems.Add("MaxRetryAttempts must not be negative.");
        }

        if (retryBaseDelay < TimeSpan.Zero)
        {
            problems.Add("RetryBaseDelay must not be negative.");
        }

        if (maxRetryDelay < retryBaseDelay)
        {
            problems.Add("MaxRetryDelay must not be less than RetryBaseDelay.");
        }

        return problems;
    }
}
