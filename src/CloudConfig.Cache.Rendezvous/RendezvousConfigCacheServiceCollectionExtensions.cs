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
    /// registered before: like every <c>Add*ConfigCache</c>, the cache added last wins, and
    /// <see cref="IConfigRegistry"/> and <see cref="IConfigRendezvous"/> follow it. Options are validated at
    /// start-up, every problem listed at once.
    /// </summary>
    public static IServiceCollection AddRendezvousConfigCache(this IServiceCollection services, Action<RendezvousConfigCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RendezvousConfigCacheOptions>().ValidateOnStart();
        services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RendezvousConfigCacheOptions>, RendezvousConfigCacheOptionsValidator>());
        services.TryAddSingleton<RendezvousConfigCache>();
        return services.AddConfigCache(sp => sp.GetRequiredService<RendezvousConfigCache>());
    }
}
