using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-memory config cache.</summary>
public static class InMemoryConfigCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="InMemoryConfigCache"/> as the <see cref="IConfigCache"/>, replacing any cache registered
    /// before: like every <c>Add*ConfigCache</c>, the cache added last wins, and <see cref="IConfigRegistry"/> and
    /// <see cref="IConfigRendezvous"/> follow it. Options are validated at start-up, every problem listed at once.
    /// An in-process rendezvous server sees these entries only if it is given this same cache
    /// (<c>RendezvousServerOptions.Cache = services.GetRequiredService&lt;IConfigCache&gt;()</c>).
    /// </summary>
    public static IServiceCollection AddInMemoryConfigCache(this IServiceCollection services, Action<InMemoryConfigCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<InMemoryConfigCacheOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InMemoryConfigCacheOptions>, InMemoryConfigCacheOptionsValidator>());
        services.TryAddSingleton<InMemoryConfigCache>();
        return services.AddConfigCache(sp => sp.GetRequiredService<InMemoryConfigCache>());
    }
}
