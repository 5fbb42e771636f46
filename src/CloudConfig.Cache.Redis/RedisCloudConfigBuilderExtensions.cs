using CloudConfig.Cache.Redis;
using CloudConfig.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Redis cache to <c>services.AddCloudConfig(...)</c>.</summary>
public static class RedisCloudConfigBuilderExtensions
{
    /// <summary>
    /// Uses the Redis cache, replacing any cache added before (the cache added last wins), as in
    /// <c>services.AddCloudConfig(o => ...).AddRedisConfigCache(o => o.Configuration = "127.0.0.1:6379")</c>.
    /// </summary>
    public static ICloudConfigBuilder AddRedisConfigCache(this ICloudConfigBuilder builder, Action<RedisConfigCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddRedisConfigCache(configure);
        return builder;
    }
}
