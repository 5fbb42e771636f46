using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Nats;

/// <summary>Checks <see cref="NatsConfigCacheOptions"/> and reports every problem at once.</summary>
internal sealed class NatsConfigCacheOptionsValidator : IValidateOptions<NatsConfigCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, NatsConfigCacheOptions options)
    {
        var problems = new List<string>();
        OptionChecks.CheckConnection(problems, "", options.Url, options.Username, options.Password, options.Connection);
        OptionChecks.CheckStore(problems, options);
        if (options.OnPremisesDomain is not null)
        {
            OptionChecks.CheckDomain(problems, nameof(options.OnPremisesDomain), options.OnPremisesDomain);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
