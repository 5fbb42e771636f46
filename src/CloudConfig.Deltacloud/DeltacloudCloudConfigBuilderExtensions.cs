using CloudConfig.Core;
using CloudConfig.Deltacloud;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Deltacloud launcher to <c>services.AddCloudConfig(...)</c>.</summary>
public static class DeltacloudCloudConfigBuilderExtensions
{
    /// <summary>Starts instances through a Deltacloud server: registers the client and the launcher.</summary>
    public static ICloudConfigBuilder AddDeltacloudLauncher(
        this ICloudConfigBuilder builder,
        Action<DeltacloudClientOptions> configureClient,
        Action<DeltacloudLauncherOptions>? configureLauncher = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureClient);
        builder.Services.AddDeltacloudClient(configureClient).AddDeltacloudInstanceLauncher(configureLauncher);
        return builder;
    }
}
