using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the instance side's rendezvous client.</summary>
public static class RendezvousClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="RendezvousInstanceClient"/> for <see cref="RendezvousInstanceClientOptions.BaseAddress"/>
    /// (and as the <see cref="IConfigRendezvous"/> unless one is registered). Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddRendezvousInstanceClient(this IServiceCollection services, Action<RendezvousInstanceClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RendezvousInstanceClientOptions>()
            .Validate(o => o.BaseAddress is not null, "BaseAddress is required.")
            .ValidateOnStart();
        services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RendezvousInstanceClientOptions>, RendezvousInstanceClientOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RendezvousInstanceClientOptions>>().Value;
            return new RendezvousInstanceClient(options.BaseAddress!, options, sp.GetService<ILogger<RendezvousInstanceClient>>());
        });
        services.TryAddSingleton<IConfigRendezvous>(sp => sp.GetRequiredService<RendezvousInstanceClient>());
        return services;
    }
}
