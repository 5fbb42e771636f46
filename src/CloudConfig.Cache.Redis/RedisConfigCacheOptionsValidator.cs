using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

/// <summary>Checks <see cref="RedisConfigCacheOptions"/> and reports every problem at once.</summary>
internal sealed class RedisConfigCacheOptionsValidator : IValidateOptions<RedisConfigCacheOptions>
{
    /// <summary>Above this a "timeout" no longer bounds anything a caller would wait for.</summary>
    private static readonly TimeSpan MaxOperationTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Above this an entry's contact time would lag its fetches by more than any sensible stale threshold allows.</summary>
    private static readonly TimeSpan MaxContactWriteInterval = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, RedisConfigCacheOptions options)
    {
        var problems = new List<string>();
        var hasConfiguration = !string.IsNullOrWhiteSpace(options.Configuration);
        if (hasConfiguration == (options.ConnectionMultiplexer is not null))
        {
            problems.Add("Exactly one of Configuration (a connection string) and ConnectionMultiplexer must be set.");
        }
        else if (hasConfiguration && !IsConnectionString(options.Configuration!))
        {
            // Not quoted: a connection string may carry a password.
            problems.Add("Configuration is not a valid StackExchange.Redis connection string.");
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix))
        {
            problems.Add("KeyPrefix must not be empty.");
        }
        else if (options.KeyPrefix.AsSpan().IndexOfAny('{', '}') >= 0 || options.KeyPrefix.Any(char.IsControl))
        {
            problems.Add("KeyPrefix must not contain braces or control characters.");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout > MaxOperationTimeout)
        {
            problems.Add($"OperationTimeout must be greater than zero and at most {MaxOperationTimeout} (was {options.OperationTimeout}).");
        }

        if (options.StaleSweepBatchSize <= 0)
        {
            problems.Add($"StaleSweepBatchSize must be greater than zero (was {options.StaleSweepBatchSize}).");
        }

        if (options.ContactWriteInterval < TimeSpan.Zero || options.ContactWriteInterval > MaxContactWriteInterval)
        {
            problems.Add($"ContactWriteInterval must be between zero and {MaxContactWriteInterval} (was {options.ContactWriteInterval}).");
        }

        if (options.Limits is null)
        {
            problems.Add("Limits must not be null.");
        }
        else
        {
            problems.AddRange(options.Limits.Validate());
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsConnectionString(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
