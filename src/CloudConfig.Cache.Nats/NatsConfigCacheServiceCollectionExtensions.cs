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
    /// before (choosing NATS is a deliberate choice; the in-memory default must not win over it). It connects
    /// lazily, on the first call. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddNatsConfigCache(this IServiceCollection services, Action<NatsConfigCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<NatsConfigCacheOptions>().ValidateOnStart();
        services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NatsConfigCacheOptions>, NatsConfigCacheOptionsValidator>());
        services.TryAddSingleton<NatsConfigCache>();
        services.RemoveAll<IConfigCache>();
        services.AddSingleton<IConfigCache>(sp => sp.GetRequiredService<NatsConfigCache>());
        return services.AddConfigCacheRoles();
    }
}
