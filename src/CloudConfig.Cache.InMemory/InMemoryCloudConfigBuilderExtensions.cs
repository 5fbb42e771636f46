using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the in-memory cache to <c>services.AddCloudConfig(...)</c>.</summary>
public static class InMemoryCloudConfigBuilderExtensions
{
    /// <summary>
    /// Uses the in-memory cache, replacing any cache added before (the cache added last wins). To share it with a
    /// rendezvous server in the same process, give the server this cache: <c>RendezvousServerOptions.Cache</c>.
    /// </summary>
    public static ICloudConfigBuilder AddInMemoryConfigCache(this ICloudConfigBuilder builder, Action<InMemoryConfigCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddInMemoryConfigCache(configure);
        return builder;
    }
}
