using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registration helpers shared by every <see cref="IConfigCache"/> package, and the family's one rule for them: the
/// cache added last is the app's cache. Each <c>Add*ConfigCache</c> (in memory, Redis, a remote rendezvous server, an
/// instance given with <see cref="AddConfigCache(IServiceCollection, IConfigCache)"/>) replaces any cache registered
/// before it, and <see cref="IConfigRegistry"/> and <see cref="IConfigRendezvous"/> follow it.
/// </summary>
public static class ConfigCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers a cache that already exists as the <see cref="IConfigCache"/>, replacing any cache registered before.
    /// This is how the app and a rendezvous server in the same process share one cache: create it (or take it from
    /// one side's services) and give the same instance to both. The container does not dispose it.
    /// </summary>
    public static IServiceCollection AddConfigCache(this IServiceCollection services, IConfigCache cache)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(cache);
        services.RemoveAll<IConfigCache>();
        services.AddSingleton(cache);
        return services.AddConfigCacheRoles();
    }

    /// <summary>
    /// Registers a cache made by <paramref name="factory"/> as the <see cref="IConfigCache"/>, replacing any cache
    /// registered before. Cache packages call this from their <c>Add*ConfigCache</c> so that all follow one rule.
    /// </summary>
    public static IServiceCollection AddConfigCache(this IServiceCollection services, Func<IServiceProvider, IConfigCache> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        services.RemoveAll<IConfigCache>();
        services.AddSingleton(factory);
        return services.AddConfigCacheRoles();
    }

    /// <summary>
    /// Makes the role interfaces (<see cref="IConfigRegistry"/>, <see cref="IConfigRendezvous"/>) resolve to
    /// whichever <see cref="IConfigCache"/> is registered, so replacing the cache replaces both roles.
    /// </summary>
    public static IServiceCollection AddConfigCacheRoles(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IConfigRegistry>(sp => sp.GetRequiredService<IConfigCache>());
        services.TryAddSingleton<IConfigRendezvous>(sp => sp.GetRequiredService<IConfigCache>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
