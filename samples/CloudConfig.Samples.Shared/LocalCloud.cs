using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using CloudConfig.Deltacloud;
using CloudConfig.Deltacloud.Embedded;
using CloudConfig.Rendezvous;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Samples.Shared;

/// <summary>
/// A whole cloud on loopback: a rendezvous server (plain http on 127.0.0.1, a free port) over an in-memory cache that
/// the app shares in process (deployment "b": the same cache instance is given to the server and to the app), an
/// embedded Deltacloud whose boot hook runs the real agent for each new instance and whose stop hook stops it, and
/// those agents.
/// </summary>
public sealed class LocalCloud : IAsyncDisposable
{
    private readonly RunningRendezvousServer _server;
    private readonly string _apiKey;
    private readonly bool _appOverHttp;
    private DynamicPoolAccess? _bakedInPool;

    private LocalCloud(RunningRendezvousServer server, InMemoryConfigCache cache, string apiKey, bool appOverHttp)
    {
        _server = server;
        _apiKey = apiKey;
        _appOverHttp = appOverHttp;
        var url = server.Urls[0];
        RendezvousAddress = $"{url.Host}:{url.Port}";
        Cache = cache;
    }

    /// <summary>Where instances find the rendezvous point (<c>127.0.0.1:port</c>), as it goes into boot strings.</summary>
    public string RendezvousAddress { get; }

    /// <summary>The cache the rendezvous server exposes; the app registers and reads entries here directly.</summary>
    public InMemoryConfigCache Cache { get; }

    /// <summary>The in-process agents.</summary>
    public LocalAgents Agents { get; } = new();

    /// <summary>The embedded cloud, unless it was not started.</summary>
    public EmbeddedDeltacloud? Cloud { get; private set; }

    /// <summary>For instances booting without user data: the pool their image would claim from (flow c).</summary>
    public DynamicPoolAccess? BakedInPool
    {
        get => Volatile.Read(ref _bakedInPool);
        set => Volatile.Write(ref _bakedInPool, value);
    }

    /// <summary>Starts the rendezvous server and, unless told otherwise, the embedded cloud.</summary>
    /// <param name="options">What to start.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running local cloud; dispose it to stop everything.</returns>
    public static async Task<LocalCloud> StartAsync(LocalCloudOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalCloudOptions();
        // One cache, given to the server here and to the app in CreateAppServices: both see every entry.
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
        var local = new LocalCloud(server, cache, apiKey, options.AppOverHttp);
        try
        {
            if (options.EmbeddedCloud)
            {
                local.Cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions
                {
                    BootHook = options.BootAgents ? local.BootAsync : null,
                    StopHook = options.BootAgents ? local.StopAsync : null,
                    CreateFault = options.CreateFault,
                }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await local.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return local;
    }

    /// <summary>
    /// The app's services: <see cref="ConfigProvisioner"/> over the shared cache (or, with
    /// <see cref="LocalCloudOptions.AppOverHttp"/>, over the server's app API) and the Deltacloud launcher, pointed at
    /// the embedded cloud unless <paramref name="configureDeltacloud"/> says otherwise.
    /// </summary>
    /// <param name="configureDeltacloud">Adjusts the Deltacloud client after the embedded cloud's settings were applied.</param>
    /// <param name="runAgentsLocally">Wraps the launcher in <see cref="LocalAgentLauncher"/>, for clouds that boot nothing.</param>
    /// <returns>The service provider; dispose it when done.</returns>
    public ServiceProvider CreateAppServices(Action<DeltacloudClientOptions>? configureDeltacloud = null, bool runAgentsLocally = false)
    {
        var services = new ServiceCollection();
        var builder = services
            .AddCloudConfig(options =>
            {
                options.RendezvousAddress = RendezvousAddress;
                options.DefaultDomain = "samples";
                options.StatusPollInterval = TimeSpan.FromMilliseconds(100);
                options.MaxParallelism = 50;
            })
            .AddDeltacloudLauncher(client =>
            {
                if (Cloud is { } cloud)
                {
                    client.BaseUrl = cloud.ApiUrl;
                    client.Username = cloud.Username;
                    client.Password = cloud.Password;
                }

                configureDeltacloud?.Invoke(client);
            });
        if (_appOverHttp)
        {
            builder.AddRendezvousConfigCache(rendezvous =>
            {
                rendezvous.BaseAddress = _server.Urls[0];
                rendezvous.ApiKey = _apiKey;
            });
        }
        else
        {
            builder.AddConfigCache(Cache);
        }

        if (runAgentsLocally)
        {
            builder.RunAgentsLocally(Agents, BakedInPool);
        }

        return services.BuildServiceProvider();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The cloud first, so no boot hook starts an agent after the agents were stopped.
        if (Cloud is { } cloud)
        {
            await cloud.DisposeAsync().ConfigureAwait(false);
        }

        await Agents.DisposeAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    private Task BootAsync(EmbeddedInstance instance, CancellationToken cancellationToken)
    {
        var address = instance.PrivateAddresses.FirstOrDefault() ?? "127.0.0.1";
        if (!string.IsNullOrWhiteSpace(instance.UserData))
        {
            Agents.StartWithBootString(instance.Id, address, instance.UserData);
        }
        else if (BakedInPool is { } pool)
        {
            Agents.StartDynamic(instance.Id, address, pool);
        }

        return Task.CompletedTask;
    }

    // The machine shuts down: its agent ends with it.
    private Task StopAsync(EmbeddedInstance instance, CancellationToken cancellationToken) => Agents.StopAsync(instance.Id);
}
