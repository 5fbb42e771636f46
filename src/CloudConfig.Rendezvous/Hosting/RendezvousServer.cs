using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Rendezvous;

/// <summary>
/// A ready rendezvous server for those who just want to run one: Kestrel on the configured URLs and the rendezvous
/// routes with their failure limits, over the cache it is given (<see cref="RendezvousServerOptions.Cache"/>, or one
/// registered in <see cref="RendezvousServerOptions.ConfigureBuilder"/>). It never makes a cache of its own: an app
/// sharing the server in process passes its own cache, so both see the same entries.
/// </summary>
public static class RendezvousServer
{
    /// <summary>Starts a server and returns once it listens.</summary>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">
    /// The options are invalid, or there is no cache or two (the message names the cause and the fix), before anything listens.
    /// </exception>
    public static async Task<RunningRendezvousServer> StartAsync(RendezvousServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls([.. options.Urls.Count == 0 ? ["http://127.0.0.1:0"] : options.Urls]);
        if (options.Certificate is { } certificate)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        builder.Services.AddConfigRendezvous(rendezvous => options.Configure?.Invoke(rendezvous));
        options.ConfigureBuilder?.Invoke(builder);
        RendezvousServerCache.Register(builder.Services, options);

        var app = builder.Build();
        options.ConfigureApp?.Invoke(app);
        app.UseRouting();
        app.MapConfigRendezvous();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new RunningRendezvousServer(app, [.. addresses.Select(address => new Uri(address))]);
    }
}
