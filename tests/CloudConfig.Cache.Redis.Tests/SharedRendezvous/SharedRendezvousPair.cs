using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using CloudConfig.Rendezvous.Client;
using CloudConfig.Testing.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Redis.Tests.SharedRendezvous;

/// <summary>
/// Two rendezvous servers, each a real Kestrel host on its own loopback port with its own <see cref="RedisConfigCache"/>
/// (so its own connection), both on one Redis under one key prefix: two rendezvous processes sharing a backend.
/// </summary>
internal sealed class SharedRendezvousPair : IAsyncDisposable
{
    public const string ApiKey = "shared-redis-api-key-0123456789";

    /// <summary>Long enough that an agent parked in a long poll only learns of an update by being woken.</summary>
    public static readonly TimeSpan LongPoll = TimeSpan.FromMinutes(5);

    private readonly List<RendezvousConfigCache> _appClients = [];

    private SharedRendezvousPair(RunningRendezvousServer[] servers) => Servers = servers;

    public IReadOnlyList<RunningRendezvousServer> Servers { get; }

    public static async Task<SharedRendezvousPair> StartAsync(RedisServer redis, string keyPrefix)
    {
        var servers = new List<RunningRendezvousServer>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                servers.Add(await RendezvousServer.StartAsync(new RendezvousServerOptions
                {
                    Configure = o =>
                    {
                        o.ApiKey = ApiKey;
                        o.MaxLongPoll = LongPoll;
                    },
                    ConfigureBuilder = builder =>
                    {
                        builder.Logging.ClearProviders();
                        builder.Services.AddRedisConfigCache(o =>
                        {
                            o.Configuration = redis.ConnectionString;
                            o.KeyPrefix = keyPrefix;
                        });
                    },
                }));
            }

            return new SharedRendezvousPair([.. servers]);
        }
        catch
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The address agents are given for server <paramref name="index"/>, as a boot string carries it.</summary>
    public RendezvousAddress Address(int index) => RendezvousAddress.Parse($"{Servers[index].Urls[0].Host}:{Servers[index].Urls[0].Port}");

    /// <summary>The server's own cache: the one behind its routes.</summary>
    public RedisConfigCache Cache(int index) => (RedisConfigCache)Servers[index].Services.GetRequiredService<IConfigCache>();

    /// <summary>The app's view of the deployment through server <paramref name="index"/> (its HTTP app API).</summary>
    public RendezvousConfigCache AppClient(int index)
    {
        var client = new RendezvousConfigCache(Options.Create(new RendezvousConfigCacheOptions
        {
            BaseAddress = Servers[index].Urls[0],
            ApiKey = ApiKey,
        }));
        _appClients.Add(client);
        return client;
    }

    /// <summary>An instance's raw client of server <paramref name="index"/>.</summary>
    public RendezvousInstanceClient InstanceClient(int index) => new(Servers[index].Urls[0], new RendezvousInstanceClientOptions { MaxRetryAttempts = 0 });

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _appClients)
        {
            client.Dispose();
        }

        foreach (var server in Servers)
        {
            await server.DisposeAsync();
        }
    }
}
