using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>
/// Applies a configuration on the instance: writes it somewhere, runs a tool over it, anything. The agent reports
/// the result back to the rendezvous point.
/// </summary>
public interface IConfigurationApplier
{
    /// <summary>
    /// Applies <paramref name="configuration"/>. A failure of the configuration itself is a result
    /// (<see cref="ConfigurationApplyResult.Succeeded"/> false); an exception is reported as a failure too, and
    /// cancellation stops the agent.
    /// </summary>
    Task<ConfigurationApplyResult> ApplyAsync(InstanceConfiguration configuration, CancellationToken cancellationToken = default);
}
