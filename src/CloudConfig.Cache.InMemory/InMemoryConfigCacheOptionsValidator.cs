using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.InMemory;

/// <summary>Checks <see cref="InMemoryConfigCacheOptions"/> and reports every problem at once.</summary>
internal sealed class InMemoryConfigCacheOptionsValidator : IValidateOptions<InMemoryConfigCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, InMemoryConfigCacheOptions options)
    {
        if (options.Limits is null)
        {
            return ValidateOptionsResult.Fail("Limits must not be null.");
        }

        var problems = options.Limits.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
