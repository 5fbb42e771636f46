using System.Security.Cryptography.X509Certificates;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// The ready rendezvous host on loopback (port 0) over its default in-memory cache, counting the TCP connections
/// it accepts (before TLS, so a refused handshake counts too).
/// </summary>
internal sealed class EndToEndServer : IAsyncDisposable
{
    public const string ApiKey = "e2e-app-api-key-0123456789abcdef";

    private int _connections;

    private EndToEndServer()
    {
    }

    public RunningRendezvousServer Server { get; private set; } = null!;

    public Uri BaseAddress => Server.Urls[0];

    /// <summary>The address as a boot string carries it: <c>127.0.0.1:port</c>.</summary>
    public RendezvousAddress Address => RendezvousAddress.Parse($"{BaseAddress.Host}:{BaseAddress.Port}");

    public int Connections => Volatile.Read(ref _connections);

    public static async Task<EndToEndServer> StartAsync(X509Certificate2? certificate = null)
    {
        var server = new EndToEndServer();
        var options = new RendezvousServerOptions
        {
            Certificate = certificate,
            Cache = new CloudConfig.Cache.InMemory.InMemoryConfigCache(),
            Configure = rendezvous => rendezvous.ApiKey = ApiKey,
            ConfigureBuilder = builder =>
            {
                builder.Logging.ClearProviders();
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
                {
                    Interlocked.Increment(ref server._connections);
                    return next(connection);
                })));
            },
        };
        options.Urls.Add(certificate is null ? "http://127.0.0.1:0" : "https://127.0.0.1:0");
        server.Server = await RendezvousServer.StartAsync(options);
        return server;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
