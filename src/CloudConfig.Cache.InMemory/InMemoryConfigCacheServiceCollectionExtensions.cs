using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-memory config cache.</summary>
public static class InMemoryConfigCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="InMemoryConfigCache"/> as the <see cref="IConfigCache"/> unless a cache is already
    /// registered (it never overrides the user's choice). Options are validated at start-up.
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
        services.TryAddSingleton<IConfigCache>(sp => sp.GetRequiredService<InMemoryConfigCache>());
        return services.AddConfigCacheRoles();
    }
}
