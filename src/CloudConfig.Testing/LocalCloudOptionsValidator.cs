using Microsoft.Extensions.Options;

namespace CloudConfig.Testing;

/// <summary>Checks <see cref="LocalCloudOptions"/> and reports every problem at once.</summary>
internal sealed class LocalCloudOptionsValidator : IValidateOptions<LocalCloudOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalCloudOptions options)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(options.Agents))
        {
            problems.Add($"Agents must be one of {string.Join(", ", Enum.GetNames<LocalAgentMode>())}.");
        }

        if (!options.EmbeddedCloud)
        {
            if (options.Agents == LocalAgentMode.CloudBootHook)
            {
                problems.Add("Agents = CloudBootHook needs the embedded cloud (EmbeddedCloud = true); another cloud's boot is not ours to hook: use Launcher.");
            }

            if (options.ConfigureDeltacloud is null)
            {
                problems.Add("Without the embedded cloud (EmbeddedCloud = false), ConfigureDeltacloud must name your Deltacloud (BaseUrl, Username, Password).");
            }

            if (options.CreateFault is not null)
            {
                problems.Add("CreateFault applies to the embedded cloud only (EmbeddedCloud = true).");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
