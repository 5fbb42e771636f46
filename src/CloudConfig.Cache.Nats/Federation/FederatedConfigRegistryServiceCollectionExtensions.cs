using CloudConfig.Cache.Nats;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the on-premises registry of a NATS federation.</summary>
public static class FederatedConfigRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FederatedConfigRegistry"/> as the app's <see cref="IConfigRegistry"/> (replacing one
    /// registered before), so the provisioner registers into the clouds by domain. It connects lazily, on the first
    /// call. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddFederatedConfigRegistry(this IServiceCollection services, Action<FederatedConfigRegistryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<FederatedConfigRegistryOptions>().ValidateOnStart();
        services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FederatedConfigRegistryOptions>, FederatedConfigRegistryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FederatedConfigRegistry>();
        services.RemoveAll<IConfigRegistry>();
        services.AddSingleton<IConfigRegistry>(sp => sp.GetRequiredService<FederatedConfigRegistry>());
        return services;
    }
}
