using CloudConfig.Rendezvous.Client;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Rendezvous;

/// <summary>Checks <see cref="RendezvousConfigCacheOptions"/> and reports every problem at once.</summary>
internal sealed class RendezvousConfigCacheOptionsValidator : IValidateOptions<RendezvousConfigCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, RendezvousConfigCacheOptions options)
    {
        var problems = new List<string>();
        if (options.BaseAddress is null || !options.BaseAddress.IsAbsoluteUri || options.BaseAddress.Scheme is not ("http" or "https"))
        {
            problems.Add("BaseAddress must be an absolute http or https URL.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            problems.Add("ApiKey is required.");
        }

        problems.AddRange(TransportOptionChecks.Check(options.RequestTimeout, options.MaxRetryAttempts, options.RetryBaseDelay, options.MaxRetryDelay));
        if (options.PageSize <= 0)
        {
            problems.Add("PageSize must be greater than zero.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
