using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>Kestrel on a free loopback port, answering every request with one handler and counting them.</summary>
internal sealed class HandlerListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private HandlerListener(WebApplication app) => _app = app;

    public int Requests => Volatile.Read(ref _requests);

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<HandlerListener> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var listener = new HandlerListener(app);
        app.Run(context =>
        {
            Interlocked.Increment(ref listener._requests);
            return handler(context);
        });
        await app.StartAsync();
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
