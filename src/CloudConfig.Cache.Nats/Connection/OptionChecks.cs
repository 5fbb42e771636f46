using NATS.Client.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>The option checks shared by every options type of this package; each adds what is wrong to a list.</summary>
internal static class OptionChecks
{
    /// <summary>Above this a "timeout" no longer bounds anything a caller would wait for.</summary>
    private static readonly TimeSpan MaxOperationTimeout = TimeSpan.FromMinutes(5);

    private static readonly string[] Schemes = ["nats", "tls", "ws", "wss"];

    public static void CheckConnection(List<string> problems, string prefix, string? url, string? username, string? password, INatsConnection? connection)
    {
        var hasUrl = !string.IsNullOrWhiteSpace(url);
        if (hasUrl == (connection is not null))
        {
            problems.Add($"Exactly one of {prefix}Url and {prefix}Connection must be set.");
        }
        else if (hasUrl && !url!.Split(',').All(IsServerUrl))
        {
            // Not quoted: a URL may carry a password.
            problems.Add($"{prefix}Url must be one or more comma-separated nats://, tls://, ws:// or wss:// URLs.");
        }

        if (password is not null && string.IsNullOrEmpty(username))
        {
            problems.Add($"{prefix}Password needs {prefix}Username.");
        }
    }

    public static void CheckStore(List<string> problems, NatsStoreOptions options)
    {
        if (!NatsNames.IsValid(options.BucketPrefix))
        {
            problems.Add($"BucketPrefix must be 1 to {NatsNames.MaxLength} letters, digits, '-' or '_'.");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout > MaxOperationTimeout)
        {
            problems.Add($"OperationTimeout must be greater than zero and at most {MaxOperationTimeout} (was {options.OperationTimeout}).");
        }

        if (options.Replicas is < 1 or > 5)
        {
            problems.Add($"Replicas must be between 1 and 5 (was {options.Replicas}).");
        }

        if (options.RemovalMarkerRetention < TimeSpan.Zero)
        {
            problems.Add($"RemovalMarkerRetention must not be negative (was {options.RemovalMarkerRetention}).");
        }

        AddIfNotPositive(problems, nameof(options.MirrorStaleAfter), options.MirrorStaleAfter);
        AddIfNotPositive(problems, nameof(options.ClaimReservationTimeout), options.ClaimReservationTimeout);
        if (options.Limits is null)
        {
            problems.Add("Limits must not be null.");
        }
        else
        {
            problems.AddRange(options.Limits.Validate());
        }
    }

    public static void CheckDomain(List<string> problems, string name, string? domain)
    {
        if (!NatsNames.IsValid(domain))
        {
            problems.Add($"{name} must be a JetStream domain: 1 to {NatsNames.MaxLength} letters, digits, '-' or '_'.");
        }
    }

    private static void AddIfNotPositive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} must be greater than zero (was {value}).");
        }
    }

    private static bool IsServerUrl(string candidate) =>
        Uri.TryCreate(candidate.Trim(), UriKind.Absolute, out var uri) && Schemes.Contains(uri.Scheme) && !string.IsNullOrEmpty(uri.Host);
}
