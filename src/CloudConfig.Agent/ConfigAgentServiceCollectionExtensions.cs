using System.Diagnostics.Metrics;
using CloudConfig.Agent;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the instance agent, and runs it in a worker's host.</summary>
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
            sp.GetService<ILogger<ConfigAgent>>(),
            sp.GetService<IMeterFactory>()));
        return services;
    }

    /// <summary>
    /// Registers the agent (<see cref="AddConfigAgent"/>) and a hosted service that runs it for the host's lifetime.
    /// Host shutdown stops the agent (a configuration command in flight is ended with everything it started). When
    /// the agent stops with an error, the service logs one line (level Critical, with the reason and the exit code),
    /// sets <see cref="Environment.ExitCode"/> to the error's <see cref="ConfigAgentExitCodes"/> code and stops the
    /// application, so that <c>await host.RunAsync()</c> returns and a <c>Main</c> that returns nothing (or
    /// <see cref="Environment.ExitCode"/>) exits with that code. With <see cref="ConfigAgentOptions.ExitAfterApply"/>
    /// the application is stopped after the first apply, with code 0. Invalid options fail the host's start
    /// (<see cref="OptionsValidationException"/>, which <see cref="ConfigAgentExitCodes.For"/> maps to 2).
    /// </summary>
    public static IServiceCollection AddConfigAgentHostedService(this IServiceCollection services, Action<ConfigAgentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddConfigAgent(configure);
        services.AddHostedService(sp => new ConfigAgentHostedService(
            sp.GetRequiredService<IConfigAgent>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetService<ILogger<ConfigAgentHostedService>>(),
            sp.GetService<IMeterFactory>()));
        return services;
    }
}
