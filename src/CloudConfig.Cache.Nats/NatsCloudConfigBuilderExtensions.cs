using CloudConfig.Cache.Nats;
using CloudConfig.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the NATS cache to <c>services.AddCloudConfig(...)</c>.</summary>
public static class NatsCloudConfigBuilderExtensions
{
    /// <summary>
    /// Uses the NATS cache, replacing any cache added before (an in-memory one included), as in
    /// <c>services.AddCloudConfig(o => ...).AddNatsConfigCache(o => o.Url = "nats://127.0.0.1:4222")</c>.
    /// </summary>
    public static ICloudConfigBuilder AddNatsConfigCache(this ICloudConfigBuilder builder, Action<NatsConfigCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddNatsConfigCache(configure);
        return builder;
    }
}
