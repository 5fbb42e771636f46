using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Rendezvous;

/// <summary>Checks <see cref="RendezvousConfigCacheOptions"/> at start-up and reports every problem at once.</summary>
internal sealed class RendezvousConfigCacheOptionsValidator : IValidateOptions<RendezvousConfigCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, RendezvousConfigCacheOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
