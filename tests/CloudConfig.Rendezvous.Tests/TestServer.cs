using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using CloudConfig.Cache.InMemory;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>A real Kestrel rendezvous server on loopback (port 0) over an in-memory cache (or the one given), for one test.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string ApiKey = "test-api-key-0123456789abcdef";

    private TestServer(RunningRendezvousServer server, InMemoryConfigCache cache)
    {
        Server = server;
        Cache = cache;
    }

    public RunningRendezvousServer Server { get; }

    public InMemoryConfigCache Cache { get; }

    public Uri BaseAddress => Server.Urls[0];

    public static async Task<TestServer> StartAsync(
        TimeProvider? time = null,
        ConfigCacheLimits? limits = null,
        Action<RendezvousOptions>? configure = null,
        X509Certificate2? certificate = null,
        Action<WebApplication>? configureApp = null,
        CapturingLoggerProvider? logs = null,
        Action<IServiceCollection>? services = null,
        bool logEverything = false,
        IConfigCache? cache = null)
    {
        var cacheLimits = limits ?? new ConfigCacheLimits();
        // With logEverything the cache logs into the same capture at every level, so its lines are searched too.
        var inMemory = new InMemoryConfigCache(Options.Create(new InMemoryConfigCacheOptions { Limits = cacheLimits }), time, logEverything ? logs?.CreateLogger<InMemoryConfigCache>() : null);
        var options = new RendezvousServerOptions
        {
            Certificate = certificate,
            Configure = rendezvous =>
            {
                rendezvous.ApiKey = ApiKey;
                rendezvous.Limits = cacheLimits;
                configure?.Invoke(rendezvous);
            },
            ConfigureBuilder = builder =>
            {
                // The host's own filters still apply to the captured lines, as they would to its console.
                builder.Logging.ClearProviders();
                if (logs is not null)
                {
                    builder.Logging.AddProvider(logs);
                }

                if (logEverything)
                {
                    builder.Logging.AddFilter("Microsoft", LogLevel.Trace).AddFilter("System", LogLevel.Trace).SetMinimumLevel(LogLevel.Trace);
                }

                builder.Services.AddSingleton<IConfigCache>(cache ?? inMemory);
                services?.Invoke(builder.Services);
            },
            ConfigureApp = configureApp,
        };
        if (certificate is not null)
        {
            options.Urls.Add("https://127.0.0.1:0");
        }

        return new TestServer(await RendezvousServer.StartAsync(options), inMemory);
    }

    /// <summary>A raw client, for requests no typed client would send.</summary>
    public HttpClient CreateHttpClient(string? authorization = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        return client;
    }

    public HttpClient CreateAppHttpClient() => CreateHttpClient("Bearer " + ApiKey);

    public RendezvousConfigCache CreateAppClient(int retries = 2) => new(Options.Create(new RendezvousConfigCacheOptions
    {
        BaseAddress = BaseAddress,
        ApiKey = ApiKey,
        MaxRetryAttempts = retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    }));

    public RendezvousInstanceClient CreateInstanceClient(CertificateFingerprint? pin = null) => new(BaseAddress, new RendezvousInstanceClientOptions
    {
        PinnedCertificate = pin,
        MaxRetryAttempts = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    });

    /// <summary>Registers an entry and makes its first contact in the cache, as a booted agent would.</summary>
    public async Task<(Guid Uuid, Secret TrustKey)> ClaimAsync()
    {
        var (uuid, _, trustKey) = await ClaimWithSecretsAsync();
        return (uuid, trustKey);
    }

    /// <summary>As <see cref="ClaimAsync"/>, with the boot secret used.</summary>
    public async Task<(Guid Uuid, Secret BootSecret, Secret TrustKey)> ClaimWithSecretsAsync()
    {
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        await Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("x"), bootSecret));
        await Cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        return (uuid, bootSecret, trustKey);
    }

    public static AuthenticationHeaderValue Boot(Secret bootSecret, Secret trustKey) =>
        new("CloudConfig-Boot", $"{bootSecret.Reveal()} {trustKey.Reveal()}");

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
