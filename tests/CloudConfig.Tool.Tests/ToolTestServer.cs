using System.Security.Cryptography.X509Certificates;
using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using CloudConfig.Rendezvous.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Tool.Tests;

/// <summary>The ready rendezvous server (Kestrel, a free loopback port) over an in-memory cache the test can see.</summary>
internal sealed class ToolTestServer : IAsyncDisposable
{
    public const string ApiKey = "tool-test-api-key-5f1c0e2a9b7d4c36";

    private ToolTestServer(RunningRendezvousServer server, InMemoryConfigCache cache)
    {
        Server = server;
        Cache = cache;
    }

    public RunningRendezvousServer Server { get; }

    public InMemoryConfigCache Cache { get; }

    public Uri BaseAddress => Server.Urls[0];

    /// <summary>The address agents would dial, as <c>host:port</c>.</summary>
    public string RendezvousAddress => $"{BaseAddress.Host}:{BaseAddress.Port}";

    /// <summary>The variables that point the tool at this server.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["CLOUDCONFIG_SERVER"] = BaseAddress.AbsoluteUri,
        ["CLOUDCONFIG_API_KEY"] = ApiKey,
    };

    public static async Task<ToolTestServer> StartAsync(TimeProvider? time = null, X509Certificate2? certificate = null)
    {
        var cache = new InMemoryConfigCache(Options.Create(new InMemoryConfigCacheOptions()), time);
        var options = new RendezvousServerOptions
        {
            Certificate = certificate,
            Configure = rendezvous => rendezvous.ApiKey = ApiKey,
            ConfigureBuilder = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<IConfigCache>(cache);
            },
        };
        if (certificate is not null)
        {
            options.Urls.Add("https://127.0.0.1:0");
        }

        return new ToolTestServer(await RendezvousServer.StartAsync(options), cache);
    }

    /// <summary>An entry registered straight into the cache, with its boot secret.</summary>
    public async Task<(Guid Uuid, Secret BootSecret)> RegisterAsync(string script = "#!/bin/sh\necho hi\n", string domain = "")
    {
        var uuid = Guid.NewGuid();
        var secret = Secret.Generate();
        await Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText(script, "text/x-shellscript"), secret) with { Domain = domain });
        return (uuid, secret);
    }

    /// <summary>An instance's client, as the agent uses it.</summary>
    public RendezvousInstanceClient CreateInstanceClient() => new(BaseAddress, new RendezvousInstanceClientOptions
    {
        MaxRetryAttempts = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    });

    /// <summary>Plays the agent: first contact with the boot secret, then a report with the given status.</summary>
    public async Task ReportAsync(Guid uuid, Secret bootSecret, InstanceStatus status, string address = "10.0.0.7")
    {
        using var instance = CreateInstanceClient();
        var trustKey = Secret.Generate();
        await instance.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        await instance.UpdateCacheAsync(uuid, trustKey, new InstanceReport(status) { Address = address, Parameters = new Dictionary<string, ParameterValue> { ["role"] = "web" } });
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
