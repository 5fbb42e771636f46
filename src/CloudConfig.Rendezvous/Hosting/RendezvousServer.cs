using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous;

/// <summary>
/// A ready rendezvous server for those who just want to run one: Kestrel on the configured URLs and the rendezvous
/// routes with their failure limits, over the cache it is given (<see cref="RendezvousServerOptions.Cache"/>, or one
/// registered in <see cref="RendezvousServerOptions.ConfigureBuilder"/>). It never makes a cache of its own: an app
/// sharing the server in process passes its own cache, so both see the same entries.
/// </summary>
public static class RendezvousServer
{
    /// <summary>
    /// The log levels the host starts from: the framework's categories (<c>Microsoft.*</c>, <c>System.*</c>) at
    /// Warning, so that no request writes a line of its own (a flood of refused requests would otherwise become a
    /// flood of log lines); CloudConfig's at Information (refusals arrive as one summary per interval). While no
    /// request is logged, the host also starts no activity and no log scope per request once it serves (unless
    /// someone listens to ASP.NET Core's activity source, as OpenTelemetry's instrumentation does).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> DefaultLogLevels { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:System"] = "Warning",
    };

    /// <summary>
    /// How long stopping waits for requests in flight before it cuts them: 1.5 s, so the process is gone within 2 s
    /// of SIGTERM (<c>ConfigureBuilder</c> may set <c>HostOptions.ShutdownTimeout</c> otherwise). Long polls do not
    /// wait for it: they are answered 503 with <c>Retry-After</c> as soon as stopping begins, so the agent polls
    /// again, here or at another server.
    /// </summary>
    public static TimeSpan ShutdownTimeout { get; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Starts a server and returns once it listens.</summary>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">
    /// The options are invalid, or there is no cache or two (the message names the cause and the fix), before anything listens.
    /// </exception>
    public static async Task<RunningRendezvousServer> StartAsync(RendezvousServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        // First, so appsettings, the environment or ConfigureBuilder can still say otherwise.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DefaultLogLevels });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls([.. options.Urls.Count == 0 ? ["http://127.0.0.1:0"] : options.Urls]);
        if (options.Certificate is { } certificate)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        // Long polls are answered as soon as stopping begins, so stopping takes moments; this bounds the rest.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddConfigRendezvous(rendezvous => options.Configure?.Invoke(rendezvous));
        var requestDiagnostics = new RequestDiagnostics();
        builder.Services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>>(requestDiagnostics);
        builder.Services.AddSingleton<IOptionsChangeTokenSource<LoggerFilterOptions>>(requestDiagnostics);
        options.ConfigureBuilder?.Invoke(builder);
        RendezvousServerCache.Register(builder.Services, options);

        var app = builder.Build();
        options.ConfigureApp?.Invoke(app);
        app.UseRouting();
        app.MapConfigRendezvous();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        requestDiagnostics.Serving();

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new RunningRendezvousServer(app, [.. addresses.Select(address => new Uri(address))]);
    }
}
