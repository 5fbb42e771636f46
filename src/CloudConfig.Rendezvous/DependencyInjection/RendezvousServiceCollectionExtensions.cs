using CloudConfig.Rendezvous;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the rendezvous server's services.</summary>
public static class RendezvousServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>MapConfigRendezvous</c> needs: options (validated at start-up, every problem listed at once),
    /// the failure limits, metrics. Register an <c>IConfigCache</c> in the same services (in memory, Redis, ...): the
    /// server exposes that one, the same the app's provisioner registers in, and makes none of its own; without one
    /// the host refuses to start.
    /// </summary>
    public static IServiceCollection AddConfigRendezvous(this IServiceCollection services, Action<RendezvousOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RendezvousOptions>().ValidateOnStart();
        services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RendezvousOptions>, RendezvousOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RendezvousOptions>, RendezvousCacheValidator>());
        services.AddMetrics();
        services.TryAddSingleton<AppKeyAuthenticator>();
        services.TryAddSingleton<FailureThrottle>();
        services.TryAddSingleton<FailureGate>();
        services.TryAddSingleton<RendezvousMetrics>();
        services.TryAddSingleton<RendezvousEndpoints>();
        return services;
    }
}
