using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudConfig.Cache.Nats;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using CloudConfig.Testing.Processes;
using Microsoft.Extensions.Options;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// Deployment "a" built for real in network namespaces (see <see cref="FederationNetwork"/>): on premises, a
/// nats-server that is a leaf node of both clouds' hubs and the app (this process: its registry's connection comes out
/// of the on-premises namespace); in each cloud, a hub, a rendezvous server process and the instances. Everything is
/// ended and deleted on dispose, also after a failed start.
/// </summary>
public sealed class FederatedDeployment : IAsyncLifetime
{
    public const string OnPremisesDomain = "onprem";
    public const int AgentProcessesPerCloud = 10;
    public static readonly IReadOnlyList<string> CloudDomains = ["cloud-a", "cloud-b"];
    private static readonly TimeSpan LinkDeadline = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudconfig-federation-").FullName;
    private readonly List<CloudSite> _clouds = [];
    private readonly Dictionary<string, ConfigProvisioner> _provisioners = new(StringComparer.Ordinal);

    internal FederationNetwork Network { get; private set; } = null!;

    internal NatsServer OnPremises { get; private set; } = null!;

    /// <summary>A loopback port of this process leading to the on-premises server's client port, inside on premises.</summary>
    internal TcpLinkProxy OnPremisesClient { get; private set; } = null!;

    internal TcpLinkProxy OnPremisesMonitor { get; private set; } = null!;

    internal IReadOnlyList<CloudSite> Clouds => _clouds;

    /// <summary>The app's registry over both clouds.</summary>
    internal FederatedConfigRegistry Registry { get; private set; } = null!;

    internal CloudSite this[string domain] => _clouds.Single(c => c.Domain == domain);

    internal ConfigProvisioner ProvisionerFor(string domain) => _provisioners[domain];

    public async Task InitializeAsync()
    {
        // Certificates, agents' state: gone with this process, however it ends (the network and servers see to themselves).
        OwnerReaper.Start($"rm -rf {OwnerReaper.Quote(_directory)}");
        try
        {
            Network = await FederationNetwork.CreateAsync(CloudDomains, AgentProcessesPerCloud);
            foreach (var cloud in Network.Clouds)
            {
                _clouds.Add(await CloudSite.StartHubAsync(cloud, Directory.CreateDirectory(Path.Combine(_directory, cloud.Domain)).FullName));
            }

            OnPremises = await NatsServer.StartAsync(OnPremisesDomain, ports => new NatsOnPremisesConfiguration
            {
                ServerName = OnPremisesDomain,
                JetStreamDomain = OnPremisesDomain,
                StoreDirectory = ports.StoreDirectory,
                // Every address of the site: only the firewall keeps a cloud out.
                ClientListen = $"0.0.0.0:{ports.Client}",
                MonitorListen = $"127.0.0.1:{ports.Monitor}",
                Clouds = [.. _clouds.Select(c => c.Remote())],
            }.Render(), Network.OnPremises.Name);
            OnPremisesClient = TcpLinkProxy.Start(ct => Network.OnPremises.ConnectAsync(new IPEndPoint(IPAddress.Loopback, OnPremises.Ports.Client), ct));
            OnPremisesMonitor = TcpLinkProxy.Start(ct => Network.OnPremises.ConnectAsync(new IPEndPoint(IPAddress.Loopback, OnPremises.Ports.Monitor), ct));
            await WaitUntilLinkedAsync(_clouds.Count);
            foreach (var cloud in _clouds)
            {
                await cloud.StartRendezvousAsync();
            }

            var options = new FederatedConfigRegistryOptions { LinkStatusInterval = TimeSpan.Zero, OperationTimeout = TimeSpan.FromSeconds(10) };
            foreach (var cloud in _clouds)
            {
                options.Clouds.Add(new NatsCloudLinkOptions
                {
                    Domain = cloud.Domain,
                    JetStreamDomain = cloud.Domain,
                    Url = $"nats://127.0.0.1:{OnPremisesClient.Port}",
                    Username = cloud.AppUser.User,
                    Password = cloud.AppUser.Password,
                });
            }

            Registry = new FederatedConfigRegistry(Options.Create(options));
            foreach (var cloud in _clouds)
            {
                _provisioners[cloud.Domain] = cloud.CreateProvisioner(Registry);
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>How many leaf links the on-premises server has up (its monitoring endpoint, read from inside on premises).</summary>
    internal async Task<int> LinkedCloudCountAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var leafz = await http.GetFromJsonAsync<JsonDocument>($"http://127.0.0.1:{OnPremisesMonitor.Port}/leafz");
        return leafz!.RootElement.GetProperty("leafnodes").GetInt32();
    }

    /// <summary>The links and the servers' logs, for failure messages.</summary>
    internal async Task<string> DescribeAsync()
    {
        var text = new System.Text.StringBuilder($"Leaf links up: {await LinkedCloudCountAsync()}\n");
        foreach (var cloud in _clouds)
        {
            text.AppendLine($"{cloud.Domain}: {await Registry.GetLinkStatusAsync(cloud.Domain)}");
            text.AppendLine($"--- {cloud.Domain} rendezvous server:\n{Tail(cloud.Rendezvous?.All ?? "")}");
            text.AppendLine($"--- {cloud.Domain} hub:\n{Tail(cloud.Hub.Log)}");
        }

        return text.Append($"--- on premises:\n{Tail(OnPremises.Log)}").ToString();
    }

    internal async Task WaitUntilLinkedAsync(int count)
    {
        var started = Stopwatch.GetTimestamp();
        while (await LinkedCloudCountAsync() != count)
        {
            if (Stopwatch.GetElapsedTime(started) > LinkDeadline)
            {
                throw new TimeoutException($"The on-premises server did not reach {count} leaf links within {LinkDeadline}. Its log:\n{OnPremises.Log}");
            }

            await Task.Delay(50);
        }
    }

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(40));

    public async Task DisposeAsync()
    {
        if (Registry is not null)
        {
            await Registry.DisposeAsync();
        }

        foreach (var cloud in _clouds)
        {
            await cloud.DisposeAsync();
        }

        if (OnPremisesClient is not null)
        {
            await OnPremisesClient.DisposeAsync();
            await OnPremisesMonitor.DisposeAsync();
        }

        if (OnPremises is not null)
        {
            await OnPremises.DisposeAsync();
        }

        if (Network is not null)
        {
            await Network.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
