using CloudConfig.Agent;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the instance agent.</summary>
public static class ConfigAgentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConfigAgent"/>, its built-in boot string sources (in their order of precedence: the
    /// given boot string, the environment, the user-data file, the metadata service, the kernel command line) and
    /// the built-in applier (the command when <see cref="ConfigAgentOptions.Command"/> is set, else the file).
    /// An <see cref="IConfigurationApplier"/> registered before this call replaces the built-in one; sources
    /// registered after it are tried after the built-in ones. The transport is an <see cref="HttpRendezvousConnector"/>
    /// sized by the options (<see cref="ConfigAgentOptions.RequestTimeout"/>, <see cref="ConfigAgentOptions.Limits"/>)
    /// and logging through the registered <see cref="ILoggerFactory"/>; an <see cref="IRendezvousConnector"/> of your
    /// own, registered before or after this call, replaces it.
    /// </summary>
    public static IServiceCollection AddConfigAgent(this IServiceCollection services, Action<ConfigAgentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ConfigAgentOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConfigAgentOptions>, ConfigAgentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBootStringSource, ExplicitBootStringSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBootStringSource, EnvironmentBootStringSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBootStringSource, UserDataFileBootStringSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBootStringSource, MetadataServiceBootStringSource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBootStringSource, KernelCommandLineBootStringSource>());
        // A factory, so that the container disposes the connector (and its HTTP clients) with itself.
        services.TryAddSingleton<IRendezvousConnector>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ConfigAgentOptions>>();
            return new HttpRendezvousConnector(() => HttpRendezvousConnector.ClientOptionsFor(options.Value), sp.GetService<ILoggerFactory>());
        });
        services.TryAddSingleton(sp => BuiltInApplier.Create(sp.GetRequiredService<IOptions<ConfigAgentOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IConfigAgent>(sp => new ConfigAgent(
            sp.GetRequiredService<IOptions<ConfigAgentOptions>>(),
            sp.GetRequiredService<IRendezvousConnector>(),
            sp.GetRequiredService<IConfigurationApplier>(),
            sp.GetServices<IBootStringSource>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<ConfigAgent>>()));
        return services;
    }
}
