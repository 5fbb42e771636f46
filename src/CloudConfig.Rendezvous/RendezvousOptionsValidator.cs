using CloudConfig.Core;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous;

/// <summary>Checks <see cref="RendezvousOptions"/> and reports every problem at once.</summary>
internal sealed class RendezvousOptionsValidator : IValidateOptions<RendezvousOptions>
{
    public ValidateOptionsResult Validate(string? name, RendezvousOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(options.ApiKey) || options.ApiKey.Length < Secret.MinimumLength)
        {
            problems.Add($"ApiKey must have at least {Secret.MinimumLength} characters.");
        }

        if (options.Limits is null)
        {
            problems.Add("Limits must not be null.");
        }
        else
        {
            problems.AddRange(options.Limits.Validate());
        }

        if (options.MaxLongPoll < TimeSpan.Zero)
        {
            problems.Add("MaxLongPoll must not be negative.");
        }

        if (options.FailuresPerAddress <= 0)
        {
            problems.Add("FailuresPerAddress must be greater than zero.");
        }

        if (options.FailuresPerEntry <= 0)
        {
            problems.Add("FailuresPerEntry must be greater than zero.");
        }

        if (options.FailureWindow <= TimeSpan.Zero)
        {
            problems.Add("FailureWindow must be greater than zero.");
        }

        if (options.RefusalLogInterval <= TimeSpan.Zero)
        {
            problems.Add("RefusalLogInterval must be greater than zero.");
        }

        if (options.ReadinessTimeout <= TimeSpan.Zero)
        {
            problems.Add("ReadinessTimeout must be greater than zero.");
        }

        if (options.MaxPageSize <= 0)
        {
            problems.Add("MaxPageSize must be greater than zero.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
