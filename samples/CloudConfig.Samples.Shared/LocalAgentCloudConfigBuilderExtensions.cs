using CloudConfig.Core;
using CloudConfig.Samples.Shared;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="LocalAgentLauncher"/> around the launcher already registered.</summary>
public static class LocalAgentCloudConfigBuilderExtensions
{
    /// <summary>Decorates the registered <see cref="IInstanceLauncher"/> so every instance it starts gets an agent in this process.</summary>
    /// <param name="builder">The builder, after a launcher was added (e.g. <c>AddDeltacloudLauncher</c>).</param>
    /// <param name="agents">Where the agents run.</param>
    /// <param name="bakedInPool">For instances started without user data: the pool the image would claim from.</param>
    /// <returns>The builder.</returns>
    public static ICloudConfigBuilder RunAgentsLocally(this ICloudConfigBuilder builder, LocalAgents agents, DynamicPoolAccess? bakedInPool = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(agents);
        var services = builder.Services;
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IInstanceLauncher) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("Add a launcher (e.g. .AddDeltacloudLauncher(...)) before .RunAgentsLocally(...).");
        services.Remove(inner);
        services.AddSingleton<IInstanceLauncher>(sp => new LocalAgentLauncher(Create(sp, inner), agents, bakedInPool));
        return builder;
    }

    private static IInstanceLauncher Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IInstanceLauncher)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
