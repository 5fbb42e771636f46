using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration helpers shared by every <see cref="IConfigCache"/> package.</summary>
public static class ConfigCacheServiceCollectionExtensions
{
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
