using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace CloudConfig.Rendezvous;

/// <summary>A rendezvous server started by <see cref="RendezvousServer.StartAsync"/>; dispose it to stop it.</summary>
public sealed class RunningRendezvousServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningRendezvousServer(WebApplication app, IReadOnlyList<Uri> urls)
    {
        _app = app;
        Urls = urls;
    }

    /// <summary>The URLs the server listens on, with the ports actually bound.</summary>
    public IReadOnlyList<Uri> Urls { get; }

    /// <summary>The server's services (its cache, its options).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM, or the application lifetime).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
