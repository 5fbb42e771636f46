using CloudConfig.Cache.Nats;
using CloudConfig.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the federated registry to <c>services.AddCloudConfig(...)</c>.</summary>
public static class FederatedCloudConfigBuilderExtensions
{
    /// <summary>
    /// Uses the federated registry for <c>services.AddCloudConfig(...)</c>, as in
    /// <c>services.AddCloudConfig().AddFederatedConfigRegistry(o => o.Clouds.Add(...))</c>.
    /// </summary>
    public static ICloudConfigBuilder AddFederatedConfigRegistry(this ICloudConfigBuilder builder, Action<FederatedConfigRegistryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddFederatedConfigRegistry(configure);
        return builder;
    }
}
