using CloudConfig.Cache.Redis;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis config cache.</summary>
public static class RedisConfigCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RedisConfigCache"/> as the <see cref="IConfigCache"/>, replacing any cache registered
    /// before: like every <c>Add*ConfigCache</c>, the cache added last wins, and <see cref="IConfigRegistry"/> and
    /// <see cref="IConfigRendezvous"/> follow it. It connects lazily, on the first call. Options are validated at
    /// start-up, every problem listed at once. It also registers the cache's <see cref="IFailureBudget"/>, so that the
    /// failure budgets of every rendezvous server on this Redis are shared and survive restarts (it replaces the
    /// in-process budgets).
    /// </summary>
    public static IServiceCollection AddRedisConfigCache(this IServiceCollection services, Action<RedisConfigCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RedisConfigCacheOptions>().ValidateOnStart();
        services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisConfigCacheOptions>, RedisConfigCacheOptionsValidator>());
        services.TryAddSingleton<RedisConfigCache>();
        services.RemoveAll<IFailureBudget>();
        services.AddSingleton<IFailureBudget>(sp => new RedisFailureBudget(sp.GetRequiredService<RedisConfigCache>()));
        return services.AddConfigCache(sp => sp.GetRequiredService<RedisConfigCache>());
    }
}
