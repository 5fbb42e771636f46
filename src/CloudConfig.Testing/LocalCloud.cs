using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using CloudConfig.Rendezvous;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Testing;

/// <summary>
/// A whole CloudConfig fleet on this machine, in one call: a rendezvous server (plain http on 127.0.0.1, a free port)
/// over an in-memory cache that the app shares in process, an embedded Deltacloud whose boot hook runs the real agent
/// for each new instance (and whose stop hook stops it), and the app's services with a <see cref="ConfigProvisioner"/>
/// over both. Disposing it ends every instance and entry it started, then stops everything.
/// </summary>
/// <example>
/// <code>
/// await using var cloud = await LocalCloud.StartAsync();
/// var started = await cloud.Provisioner.ProvisionAsync(new ProvisionRequest(new InstanceLaunchRequest("img1"), configuration));
/// var entry = await cloud.Provisioner.WaitUntilConfiguredAsync(started.Uuid, TimeSpan.FromSeconds(30));
/// </code>
/// </example>
public sealed partial class LocalCloud : IAsyncDisposable
{
    private readonly RunningRendezvousServer _server;
    private readonly string _apiKey;
    private readonly LaunchLedger _ledger = new();
    private ServiceProvider? _services;
    private int _disposed;

    private LocalCloud(RunningRendezvousServer server, string apiKey, InMemoryConfigCache cache, LocalAgents agents)
    {
        _server = server;
        _apiKey = apiKey;
        RendezvousUrl = server.Urls[0];
        RendezvousAddress = $"{RendezvousUrl.Host}:{RendezvousUrl.Port}";
        Cache = cache;
        Agents = agents;
    }

    /// <summary>Where instances find the rendezvous server (<c>127.0.0.1:port</c>), as it goes into boot strings.</summary>
    public string RendezvousAddress { get; }

    /// <summary>The rendezvous server's URL (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri RendezvousUrl { get; }

    /// <summary>The cache the rendezvous server exposes and the app uses directly: the same instance for both.</summary>
    public InMemoryConfigCache Cache { get; }

    /// <summary>The in-process agents, one per instance started.</summary>
    public LocalAgents Agents { get; }

    /// <summary>The embedded cloud, unless <see cref="LocalCloudOptions.EmbeddedCloud"/> was off.</summary>
    public EmbeddedDeltacloud? Cloud { get; private set; }

    /// <summary>
    /// The app's services: <c>AddCloudConfig</c> over <see cref="Cache"/> (or, with <see cref="LocalCloudOptions.AppOverHttp"/>,
    /// over the server's app API) and the Deltacloud launcher.
    /// </summary>
    public IServiceProvider Services => _services ?? throw new ObjectDisposedException(nameof(LocalCloud));

    /// <summary>The app's provisioner: provision, wait, update, deprovision.</summary>
    public ConfigProvisioner Provisioner => Services.GetRequiredService<ConfigProvisioner>();

    /// <summary>Starts the rendezvous server, the embedded cloud (unless told otherwise) and the app's services.</summary>
    /// <param name="options">What to start; the whole fleet on the embedded cloud when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running fleet; dispose it to end and stop everything.</returns>
    /// <exception cref="OptionsValidationException">
    /// The options, or the app's options they lead to (provisioning, Deltacloud), are invalid; the message lists every problem.
    /// </exception>
    public static async Task<LocalCloud> StartAsync(LocalCloudOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalCloudOptions();
        var validation = new LocalCloudOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(LocalCloudOptions), validation.Failures);
        }

        // One cache, given to the server here and to the app in its services: both see every entry.
        var cache = new InMemoryConfigCache();
        var apiKey = Secret.Generate().Reveal();
        var server = await RendezvousServer.StartAsync(new RendezvousServerOptions
        {
            Urls = { "http://127.0.0.1:0" },
            Cache = cache,
            // Only an app over HTTP needs this key (AppOverHttp); the server insists on one.
            Configure = rendezvous => rendezvous.ApiKey = apiKey,
            ConfigureBuilder = builder => builder.Logging.ClearProviders(),
        }, cancellationToken).ConfigureAwait(false);
        var local = new LocalCloud(server, apiKey, cache, new LocalAgents(options.ConfigureAgent));
        try
        {
            var mode = ModeFor(options);
            if (options.EmbeddedCloud)
            {
                local.Cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions
                {
                    BootHook = mode == LocalAgentMode.CloudBootHook ? local.BootAsync : null,
                    StopHook = mode == LocalAgentMode.CloudBootHook ? local.StopAsync : null,
                    CreateFault = options.CreateFault,
                }, cancellationToken).ConfigureAwait(false);
            }

            local._services = local.CreateServices(options, mode);
        }
        catch
        {
            await local.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return local;
    }

    /// <summary>
    /// Ends everything the fleet started (see <see cref="EndAllAsync"/>), then stops the app's services, the embedded
    /// cloud, the agents and the rendezvous server.
    /// </summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    /// <exception cref="LocalTeardownException">
    /// Something could not be ended (on a Deltacloud of your own, a machine may still run); everything else was stopped all the same.
    /// </exception>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        LocalTeardownReport? report = null;
        if (_services is { } services)
        {
            try
            {
                report = await EndAllAsync().ConfigureAwait(false);
            }
            finally
            {
                _services = null;
                await services.DisposeAsync().ConfigureAwait(false);
            }
        }

        // The cloud before the agents, so no boot hook starts an agent after they were stopped.
        if (Cloud is { } cloud)
        {
            await cloud.DisposeAsync().ConfigureAwait(false);
        }

        await Agents.DisposeAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
        if (report is { Clean: false })
        {
            throw new LocalTeardownException(report);
        }
    }

    private static LocalAgentMode ModeFor(LocalCloudOptions options) => options.Agents switch
    {
        LocalAgentMode.Automatic => options.EmbeddedCloud ? LocalAgentMode.CloudBootHook : LocalAgentMode.Launcher,
        var chosen => chosen,
    };

    private Task BootAsync(EmbeddedInstance instance, CancellationToken cancellationToken)
    {
        Agents.StartForInstance(instance.Id, instance.PrivateAddresses.FirstOrDefault() ?? "127.0.0.1", instance.UserData);
        return Task.CompletedTask;
    }

    // The machine shuts down: its agent ends with it.
    private Task StopAsync(EmbeddedInstance instance, CancellationToken cancellationToken) => Agents.StopAsync(instance.Id, cancellationToken);
}
