namespace CloudConfig.Rendezvous.Client;

/// <summary>The timeout and retry checks both rendezvous clients' options share, with the same messages.</summary>
internal static class TransportOptionChecks
{
    public static void Add(List<string> problems, TimeSpan requestTimeout, int maxRetryAttempts, TimeSpan retryBaseDelay, TimeSpan maxRetryDelay)
    {
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
    }
}
