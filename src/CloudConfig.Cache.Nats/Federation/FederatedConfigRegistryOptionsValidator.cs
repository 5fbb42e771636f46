using System.Globalization;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Nats;

/// <summary>Checks <see cref="FederatedConfigRegistryOptions"/> and reports every problem at once.</summary>
internal sealed class FederatedConfigRegistryOptionsValidator : IValidateOptions<FederatedConfigRegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, FederatedConfigRegistryOptions options)
    {
        var problems = new List<string>();
        if (options.Clouds.Count == 0)
        {
            problems.Add("Clouds must name at least one cloud.");
        }

        for (var i = 0; i < options.Clouds.Count; i++)
        {
            var cloud = options.Clouds[i];
            var prefix = $"Clouds[{i.ToString(CultureInfo.InvariantCulture)}].";
            if (cloud is null)
            {
                problems.Add($"{prefix[..^1]} must not be null.");
                continue;
            }

            OptionChecks.CheckConnection(problems, prefix, cloud.Url, cloud.Username, cloud.Password, cloud.Connection);
            OptionChecks.CheckDomain(problems, prefix + nameof(cloud.JetStreamDomain), cloud.JetStreamDomain);
            if (cloud.Domain is null || cloud.Domain.Any(char.IsControl))
            {
                problems.Add($"{prefix}Domain must not be null or contain control characters.");
            }
        }

        var clouds = options.Clouds.Where(c => c is not null).ToList();
        if (clouds.GroupBy(c => c.Domain, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            problems.Add("Each cloud needs its own Domain.");
        }

        if (clouds.GroupBy(c => c.JetStreamDomain, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            problems.Add("Each cloud needs its own JetStreamDomain.");
        }

        if (options.DefaultDomain is { } fallback && !clouds.Any(c => c.Domain == fallback))
        {
            problems.Add("DefaultDomain must be the Domain of one of the clouds.");
        }

        if (options.LinkStatusInterval < TimeSpan.Zero)
        {
            problems.Add($"LinkStatusInterval must not be negative (was {options.LinkStatusInterval}).");
        }

        OptionChecks.CheckStore(problems, options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
