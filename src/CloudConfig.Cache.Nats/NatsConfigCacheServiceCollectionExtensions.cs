using CloudConfig.Cache.Nats;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the NATS config cache.</summary>
public static class NatsConfigCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NatsConfigCache"/> as the <see cref="IConfigCache"/>, replacing any cache registered
    /// before: like every <c>Add*ConfigCache</c>, the cache added last wins, and <see cref="IConfigRegistry"/> and
    /// <see cref="IConfigRendezvous"/> follow it. It connects lazily, on the first call. Options are validated at
    /// start-up, every problem listed at once.
    /// </summary>
    public static IServiceCollection AddNatsConfigCache(this IServiceCollection services, Action<NatsConfigCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<NatsConfigCacheOptions>().ValidateOnStart();
        services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NatsConfigCacheOptions>, NatsConfigCacheOptionsValidator>());
        services.TryAddSingleton<NatsConfigCache>();
        return services.AddConfigCache(sp => sp.GetRequiredService<NatsConfigCache>());
    }
}
