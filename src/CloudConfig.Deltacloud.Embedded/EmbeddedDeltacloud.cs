using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudConfig.Deltacloud.Embedded;

/// <summary>
/// A Deltacloud-compatible cloud served in-process on loopback, answering as Deltacloud 1.1.3 with its mock driver
/// does, for testing Deltacloud clients: <c>await using var cloud = await EmbeddedDeltacloud.StartAsync();</c>
/// </summary>
public sealed partial class EmbeddedDeltacloud : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerContext _server;
    private int _disposed;

    private EmbeddedDeltacloud(WebApplication app, ServerContext server, Uri apiUrl)
    {
        _app = app;
        _server = server;
        ApiUrl = apiUrl;
    }

    /// <summary>The entry point, such as <c>http://127.0.0.1:41234/api</c>; clients discover every collection from it.</summary>
    public Uri ApiUrl { get; }

    /// <summary>The HTTP Basic user name the server accepts.</summary>
    public string Username => _server.Options.Username;

    /// <summary>The HTTP Basic password the server accepts.</summary>
    public string Password => _server.Options.Password;

    /// <summary>The driver name the server reports.</summary>
    public string Driver => _server.Options.Driver;

    /// <summary>A snapshot of the instances that exist now (destroyed ones are gone), in creation order.</summary>
    public IReadOnlyList<EmbeddedInstance> Instances => _server.State.Snapshot();

    /// <summary>How many <c>POST /api/instances</c> reached the create stage, failed ones included (for reconcile tests).</summary>
    public int CreateAttempts => _server.State.CreateAttempts;

    /// <summary>
    /// Every boot or stop hook that threw, in order. The client never sees these (a machine that fails to boot does
    /// not fail the create); they are also logged when <see cref="EmbeddedDeltacloudOptions.LoggerFactory"/> is set.
    /// </summary>
    public IReadOnlyList<EmbeddedHookFailure> HookFailures => _server.Hooks.Failures;

    /// <summary>Starts a cloud on a free loopback port (or <see cref="EmbeddedDeltacloudOptions.Port"/>).</summary>
    /// <param name="options">The options; the mock driver's defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public static async Task<EmbeddedDeltacloud> StartAsync(EmbeddedDeltacloudOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmbeddedDeltacloudOptions();
        var validation = new EmbeddedDeltacloudOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EmbeddedDeltacloudOptions), validation.Failures);
        }

        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<EmbeddedDeltacloud>();
        var server = new ServerContext(options, new CloudState(options), new BootHookRunner(options.BootHook, options.StopHook, logger), logger);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.ListenAddress, options.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(server);

        var app = builder.Build();
        app.Use((context, next) => DeltacloudPipeline.InvokeAsync(context, next, server));
        app.UseRouting();
        ApiRoutes.Map(app, server);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await server.Hooks.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var root = app.Urls.First().TrimEnd('/');
        server.Links = new Links(root);
        var cloud = new EmbeddedDeltacloud(app, server, new Uri(server.Links.Api));
        Log.Started(logger, cloud.ApiUrl);
        return cloud;
    }

    /// <summary>Finds an instance by id, or <see langword="null"/>.</summary>
    /// <param name="id">The instance id, such as <c>inst0</c>.</param>
    public EmbeddedInstance? FindInstance(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return _server.State.Find(id);
    }

    /// <summary>Stops the server, cancels running boot hooks and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _server.Hooks.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
