using CloudConfig.Core;
using CloudConfig.Deltacloud;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Deltacloud client and launcher.</summary>
public static class DeltacloudServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses; configure its handler chain with this name.</summary>
    public const string HttpClientName = "CloudConfig.Deltacloud";

    /// <summary>
    /// Registers <see cref="IDeltacloudClient"/> as a singleton; its options are validated at start-up (or on first use
    /// without a host), every problem listed at once. It keeps the discovered entry
    /// point for its lifetime but not an <see cref="HttpClient"/>: it asks <see cref="IHttpClientFactory"/> for the
    /// client named <see cref="HttpClientName"/> on every attempt, so the factory rotates handlers as it is meant to.
    /// Add handlers with <c>services.AddHttpClient(DeltacloudServiceCollectionExtensions.HttpClientName)</c>; the factory's
    /// default request logging is removed from that client, and <c>.AddDefaultLogger()</c> there adds it back.
    /// </summary>
    public static IServiceCollection AddDeltacloudClient(this IServiceCollection services, Action<DeltacloudClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DeltacloudClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeltacloudClientOptions>, DeltacloudClientOptionsValidator>());
        // Without the factory's default request logging: it cost every request a few microseconds and two handler
        // layers even with logging off; .AddDefaultLogger() on the named client brings it back.
        services.AddHttpClient(HttpClientName).RemoveAllLoggers();
        services.TryAddSingleton<IDeltacloudClient>(sp => new DeltacloudClient(
            HttpClientSource.FromFactory(sp.GetRequiredService<IHttpClientFactory>(), HttpClientName),
            sp.GetRequiredService<IOptions<DeltacloudClientOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            (ILogger?)sp.GetService<ILogger<IDeltacloudClient>>() ?? NullLogger.Instance));
        return services;
    }

    /// <summary>
    /// Registers <see cref="DeltacloudInstanceLauncher"/> as the <see cref="IInstanceLauncher"/>; needs
    /// <see cref="AddDeltacloudClient"/>. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddDeltacloudInstanceLauncher(this IServiceCollection services, Action<DeltacloudLauncherOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<DeltacloudLauncherOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeltacloudLauncherOptions>, DeltacloudLauncherOptionsValidator>());

        services.TryAddSingleton<IInstanceLauncher>(sp => new DeltacloudInstanceLauncher(
            sp.GetRequiredService<IDeltacloudClient>(),
            sp.GetRequiredService<IOptions<DeltacloudLauncherOptions>>().Value,
            sp.GetService<ILogger<DeltacloudInstanceLauncher>>()));
        return services;
    }
}
