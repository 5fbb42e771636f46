using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Core;

/// <summary>
/// Returned by <c>services.AddCloudConfig(...)</c>: each package adds its piece to it (a cache, a launcher),
/// as in <c>services.AddCloudConfig(o => ...).AddInMemoryConfigCache().AddDeltacloudLauncher(...)</c>.
/// </summary>
public interface ICloudConfigBuilder
{
    /// <summary>The services being configured.</summary>
    IServiceCollection Services { get; }
}
