using System.Diagnostics.Metrics;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the provisioner and returns a builder for the cache and the launcher.</summary>
public static class CloudConfigServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConfigProvisioner"/> with validated options. Add a cache and a launcher through the
    /// returned builder.
    /// </summary>
    public static ICloudConfigBuilder AddCloudConfig(this IServiceCollection services, Action<ProvisioningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ProvisioningOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProvisioningOptions>, ProvisioningOptionsValidator>());
        services.TryAddSingleton(sp => new ConfigProvisioner(
            sp.GetService<IConfigRegistry>() ?? throw new InvalidOperationException("No config cache is registered: add one, e.g. .AddInMemoryConfigCache()."),
            sp.GetService<IInstanceLauncher>() ?? throw new InvalidOperationException("No instance launcher is registered: add one, e.g. .AddDeltacloudLauncher(...)."),
            sp.GetRequiredService<IOptions<ProvisioningOptions>>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<ConfigProvisioner>>(),
            sp.GetService<IMeterFactory>()));
        services.AddConfigCacheRoles();
        return new CloudConfigBuilder(services);
    }

    private sealed class CloudConfigBuilder(IServiceCollection services) : ICloudConfigBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
