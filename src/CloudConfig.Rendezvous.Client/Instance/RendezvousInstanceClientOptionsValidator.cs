using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous.Client;

/// <summary>Checks <see cref="RendezvousInstanceClientOptions"/> and reports every problem at once.</summary>
internal sealed class RendezvousInstanceClientOptionsValidator : IValidateOptions<RendezvousInstanceClientOptions>
{
    public ValidateOptionsResult Validate(string? name, RendezvousInstanceClientOptions options)
    {
        var problems = new List<string>();
        if (options.BaseAddress is not null && (!options.BaseAddress.IsAbsoluteUri || options.BaseAddress.Scheme is not ("http" or "https")))
        {
            problems.Add("BaseAddress must be an absolute http or https URL.");
        }

        problems.AddRange(TransportOptionChecks.Check(options.RequestTimeout, options.MaxRetryAttempts, options.RetryBaseDelay, options.MaxRetryDelay));
        if (options.MaxResponseBytes is < 1 or > int.MaxValue)
        {
            problems.Add($"MaxResponseBytes must be between 1 and {int.MaxValue} (was {options.MaxResponseBytes}).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
