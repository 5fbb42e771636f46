using CloudConfig.Core;
using CloudConfig.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="LocalAgentLauncher"/> around the launcher already registered.</summary>
public static class LocalAgentCloudConfigBuilderExtensions
{
    /// <summary>Decorates the registered <see cref="IInstanceLauncher"/> so every instance it starts gets an agent in this process.</summary>
    /// <param name="builder">The builder, after a launcher was added (e.g. <c>AddDeltacloudLauncher</c>).</param>
    /// <param name="agents">Where the agents run.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">No launcher was registered before.</exception>
    public static ICloudConfigBuilder RunAgentsLocally(this ICloudConfigBuilder builder, LocalAgents agents)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(agents);
        LauncherDecoration.Decorate(builder.Services, nameof(RunAgentsLocally), (_, inner) => new LocalAgentLauncher(inner, agents));
        return builder;
    }
}
