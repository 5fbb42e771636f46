using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a remote rendezvous server as the cache of <c>services.AddCloudConfig(...)</c>.</summary>
public static class RendezvousCloudConfigBuilderExtensions
{
    /// <summary>
    /// Uses the rendezvous server at <see cref="RendezvousConfigCacheOptions.BaseAddress"/> as the cache, replacing
    /// any cache registered before: the app pre-registers there and reads its instances' reports from there.
    /// </summary>
    public static ICloudConfigBuilder AddRendezvousConfigCache(this ICloudConfigBuilder builder, Action<RendezvousConfigCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddRendezvousConfigCache(configure);
        return builder;
    }
}
