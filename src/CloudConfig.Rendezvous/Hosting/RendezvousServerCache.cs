using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous;

// The ready server's one rule for its cache: exactly the one it is given. A default of its own would be a second
// cache that the app does not register in, and every instance would wait for entries it can never see.
internal static class RendezvousServerCache
{
    public const string MissingCache =
        "RendezvousServer has no cache to expose: set RendezvousServerOptions.Cache to the app's IConfigCache "
        + "(Cache = appServices.GetRequiredService<IConfigCache>(), the one its ConfigProvisioner registers in) to share it in process, "
        + "or register one in ConfigureBuilder (e.g. builder.Services.AddRedisConfigCache(...)).";

    public const string TwoCaches =
        "RendezvousServerOptions.Cache is set and ConfigureBuilder registered an IConfigCache as well: the server would expose one of them "
        + "and the app might register in the other. Keep one.";

    public static void Register(IServiceCollection services, RendezvousServerOptions options)
    {
        var registered = services.Any(d => d.ServiceType == typeof(IConfigCache) && !d.IsKeyedService);
        var problem = (options.Cache, registered) switch
        {
            (null, false) => MissingCache,
            ({ }, true) => TwoCaches,
            _ => null,
        };
        if (problem is not null)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RendezvousServerOptions), [problem]);
        }

        if (options.Cache is { } cache)
        {
            services.AddConfigCache(cache);
        }
    }
}
