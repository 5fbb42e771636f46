using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Observability.Tests;

/// <summary>Kestrel on a free loopback port that records the <c>traceparent</c> header of every request and answers with a status.</summary>
internal sealed class HeaderRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HeaderRecorder(WebApplication app) => _app = app;

    /// <summary>Each request's path and <c>traceparent</c> (null when it had none).</summary>
    public ConcurrentQueue<(string Path, string? TraceParent)> Requests { get; } = new();

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<HeaderRecorder> StartAsync(int status)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var recorder = new HeaderRecorder(app);
        app.Run(context =>
        {
            var header = context.Request.Headers["traceparent"];
            recorder.Requests.Enqueue((context.Request.Path.Value ?? "", header.Count == 0 ? null : header.ToString()));
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return recorder;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
