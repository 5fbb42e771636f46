using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the in-memory cache to <c>services.AddCloudConfig(...)</c>.</summary>
public static class InMemoryCloudConfigBuilderExtensions
{
    /// <summary>Uses the in-memory cache, unless a cache is already registered.</summary>
    public static ICloudConfigBuilder AddInMemoryConfigCache(this ICloudConfigBuilder builder, Action<InMemoryConfigCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddInMemoryConfigCache(configure);
        return builder;
    }
}
