using CloudConfig.Core;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent;

/// <summary>Checks <see cref="ConfigAgentOptions"/> and reports every problem at once. Secrets are never quoted.</summary>
internal sealed class ConfigAgentOptionsValidator : IValidateOptions<ConfigAgentOptions>
{
    public ValidateOptionsResult Validate(string? name, ConfigAgentOptions options)
    {
        var problems = new List<string>();
        if (options.BootString is not null)
        {
            try
            {
                BootString.Parse(options.BootString.Trim());
            }
            catch (BootStringFormatException e)
            {
                // The parser's message names the part, never the text.
                problems.Add($"BootString is not a valid boot string ({e.Message})");
            }
        }

        if (options.BootStringEnvironmentVariable is null)
        {
            problems.Add("BootStringEnvironmentVariable must not be null (use an empty string to skip it).");
        }

        if (options.MetadataServiceUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            problems.Add("MetadataServiceUrl must be an absolute http or https URL.");
        }

        Positive(problems, nameof(options.MetadataTimeout), options.MetadataTimeout);
        if (options.MetadataTokenTtl < TimeSpan.FromSeconds(1) || options.MetadataTokenTtl > TimeSpan.FromHours(6))
        {
            problems.Add($"MetadataTokenTtl must be between 1 second and 6 hours (was {options.MetadataTokenTtl}).");
        }

        if (string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            problems.Add("StateDirectory is required.");
        }

        if (options.Address is { } address && (address.Length == 0 || address.Any(char.IsControl)))
        {
            problems.Add("Address must be non-empty text without control characters.");
        }

        ValidateDynamic(problems, options);
        if (options.Command is not null && string.IsNullOrWhiteSpace(options.Command))
        {
            problems.Add("Command must not be blank.");
        }

        foreach (var variable in options.CommandEnvironment)
        {
            if (string.IsNullOrEmpty(variable) || variable.Contains('=', StringComparison.Ordinal) || variable.Any(char.IsControl))
            {
                problems.Add("CommandEnvironment holds a name that is not a variable name.");
            }
            else if (CommandApplierEnvironment.NeverPassed.Contains(variable) || variable == options.BootStringEnvironmentVariable)
            {
                problems.Add($"CommandEnvironment must not pass {variable}: it holds the agent's credential.");
            }
        }

        Positive(problems, nameof(options.CommandTimeout), options.CommandTimeout);
        Positive(problems, nameof(options.InitialRetryDelay), options.InitialRetryDelay);
        if (options.MaxRetryDelay < options.InitialRetryDelay)
        {
            problems.Add($"MaxRetryDelay ({options.MaxRetryDelay}) must not be less than InitialRetryDelay ({options.InitialRetryDelay}).");
        }

        if (!(options.RetryJitter >= 0 && options.RetryJitter < 1))
        {
            problems.Add($"RetryJitter must be at least 0 and less than 1 (was {options.RetryJitter}).");
        }

        Positive(problems, nameof(options.RequestTimeout), options.RequestTimeout);
        Positive(problems, nameof(options.UpdatePollTimeout), options.UpdatePollTimeout);
        ValidateLimits(problems, options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateDynamic(List<string> problems, ConfigAgentOptions options)
    {
        if (!options.IsDynamic)
        {
            return;
        }

        if (options.DynamicRendezvousAddress is null || options.DynamicPool is null || options.DynamicPoolCredential is null)
        {
            problems.Add("The dynamic flow needs DynamicRendezvousAddress, DynamicPool and DynamicPoolCredential together.");
        }

        if (options.DynamicRendezvousAddress is { } text)
        {
            try
            {
                RendezvousAddress.Parse(text);
            }
            catch (BootStringFormatException e)
            {
                problems.Add("DynamicRendezvousAddress is not valid: " + e.Message);
            }
        }

        if (options.DynamicPool is { } pool && string.IsNullOrWhiteSpace(pool))
        {
            problems.Add("DynamicPool must not be blank.");
        }

        if (options.DynamicPoolCredential is { } credential && (credential.Length == 0 || credential.Any(char.IsWhiteSpace)))
        {
            problems.Add("DynamicPoolCredential must be non-empty and contain no white space.");
        }
    }

    private static void ValidateLimits(List<string> problems, ConfigAgentOptions options)
    {
        if (options.Limits is null)
        {
            problems.Add("Limits must not be null.");
            return;
        }

        problems.AddRange(options.Limits.Validate());
        if (options.MaxOutputTailChars < 1 || options.MaxOutputTailChars > options.Limits.MaxStatusDetailLength)
        {
            problems.Add($"MaxOutputTailChars must be between 1 and Limits.MaxStatusDetailLength ({options.Limits.MaxStatusDetailLength}) (was {options.MaxOutputTailChars}).");
        }
    }

    private static void Positive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} must be greater than zero (was {value}).");
        }
    }
}
