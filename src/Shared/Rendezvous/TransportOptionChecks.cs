// Shared source: compiled into each package that needs it (see the Compile items in its project), internal to
// each, so no package exposes it and none depends on another for it. Plain comments, not XML docs: one member in two
// packages' documentation files breaks tools that merge them (ASP.NET Core's OpenAPI comments fail on the duplicate).
namespace CloudConfig.Rendezvous.Client;

// The timeout and retry checks every rendezvous client's options share, with the same messages, so that the
// instance's and the app's clients refuse the same mistakes in the same words.
internal static class TransportOptionChecks
{
    // Every problem with a client's timeout and retry settings, or none.
    // requestTimeout: How long one attempt may take; must be positive.
    // maxRetryAttempts: Retries after the first attempt; must not be negative.
    // retryBaseDelay: The first retry's delay; must not be negative.
    // maxRetryDelay: The longest retry delay; must not be less than retryBaseDelay.
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
