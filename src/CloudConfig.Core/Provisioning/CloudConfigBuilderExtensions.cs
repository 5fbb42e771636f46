using CloudConfig.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a cache that already exists to <c>services.AddCloudConfig(...)</c>.</summary>
public static class CloudConfigBuilderExtensions
{
    /// <summary>
    /// Uses <paramref name="cache"/> as the app's cache, replacing any cache added before (the family's one rule: the
    /// cache added last wins). Give the same instance to an in-process rendezvous server
    /// (<c>RendezvousServerOptions.Cache</c>) and the app and the server share every entry.
    /// </summary>
    public static ICloudConfigBuilder AddConfigCache(this ICloudConfigBuilder builder, IConfigCache cache)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddConfigCache(cache);
        return builder;
    }
}
