using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>What applying a configuration produced: success or failure, an exit code, output and parameters.</summary>
/// <param name="Succeeded">Whether the configuration was applied.</param>
/// <param name="ExitCode">The tool's exit code, when a tool ran.</param>
/// <param name="Output">The output to report (the agent keeps only its tail).</param>
public sealed record ConfigurationApplyResult(bool Succeeded, int? ExitCode, string Output)
{
    /// <summary>The parameters the configuration produced, to report to the rendezvous point.</summary>
    public IReadOnlyDictionary<string, ParameterValue> Parameters { get; init; } = ConfigEntry.NoParameters;
}
