using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a remote rendezvous server as the app's config cache.</summary>
public static class RendezvousConfigCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RendezvousConfigCache"/> as the <see cref="IConfigCache"/>, replacing any cache
    /// registered before (the app chose a remote rendezvous). Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddRendezvousConfigCache(this IServiceCollection services, Action<RendezvousConfigCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RendezvousConfigCacheOptions>().ValidateOnStart();
        services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RendezvousConfigCacheOptions>, RendezvousConfigCacheOptionsValidator>());
        services.TryAddSingleton<RendezvousConfigCache>();
        services.RemoveAll<IConfigCache>();
        services.AddSingleton<IConfigCache>(sp => sp.GetRequiredService<RendezvousConfigCache>());
        return services.AddConfigCacheRoles();
    }
}
