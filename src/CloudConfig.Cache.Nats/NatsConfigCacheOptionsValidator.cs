using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Nats;

/// <summary>Checks <see cref="NatsConfigCacheOptions"/> and reports every problem at once.</summary>
internal sealed class NatsConfigCacheOptionsValidator : IValidateOptions<NatsConfigCacheOptions>
{
    /// <summary>Beyond this, <c>LastContactAt</c> would be too coarse for any sensible <c>remove_stale</c> timeout.</summary>
    private static readonly TimeSpan MaxContactWriteInterval = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, NatsConfigCacheOptions options)
    {
        var problems = new List<string>();
        OptionChecks.CheckConnection(problems, "", options.Url, options.Username, options.Password, options.Connection);
        OptionChecks.CheckStore(problems, options);
        if (options.OnPremisesDomain is not null)
        {
            OptionChecks.CheckDomain(problems, nameof(options.OnPremisesDomain), options.OnPremisesDomain);
        }

        if (options.ContactWriteInterval < TimeSpan.Zero || options.ContactWriteInterval > MaxContactWriteInterval)
        {
            problems.Add($"ContactWriteInterval must be between zero and {MaxContactWriteInterval} (was {options.ContactWriteInterval}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
