using System.Net;
using CloudConfig.Cache.Nats;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using CloudConfig.Testing.Processes;
using Microsoft.Extensions.Options;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// One cloud of the deployment: its hub (a nats-server in the site namespace, the leaf listener behind TLS), its
/// rendezvous server process over the hub, the forwarders this process uses to reach into the site, and the instance
/// API the app's provisioner for this cloud launches through.
/// </summary>
internal sealed class CloudSite : IAsyncDisposable
{
    public const int RendezvousPort = 8443;

    private CloudSite(CloudNetwork network, string directory, NatsServer hub, SiteCertificate certificate, NatsUserCredential rendezvousUser, NatsUserCredential leafUser, NatsUserCredential appUser)
    {
        Network = network;
        Hub = hub;
        Certificate = certificate;
        RendezvousUser = rendezvousUser;
        LeafUser = leafUser;
        AppUser = appUser;
        HubForwarder = TcpLinkProxy.Start(ct => network.Site.ConnectAsync(new IPEndPoint(IPAddress.Loopback, hub.Ports.Client), ct));
        PoolForwarder = TcpLinkProxy.Start(ct => network.Pool.ConnectAsync(new IPEndPoint(FederationNetwork.RendezvousAddress, RendezvousPort), ct));
        Launcher = new NamespaceCloudLauncher(network, PoolForwarder.Port, Path.Combine(directory, "agents"));
    }

    public string Domain => Network.Domain;

    public CloudNetwork Network { get; }

    public NatsServer Hub { get; }

    public SiteCertificate Certificate { get; }

    public NatsUserCredential RendezvousUser { get; }

    public NatsUserCredential LeafUser { get; }

    /// <summary>The on-premises user of this cloud's account: the app's registry connects as it.</summary>
    public NatsUserCredential AppUser { get; }

    /// <summary>A loopback port of this process leading to the hub's client port inside the site.</summary>
    public TcpLinkProxy HubForwarder { get; }

    /// <summary>A loopback port leading, from the pool namespace, to the rendezvous server.</summary>
    public TcpLinkProxy PoolForwarder { get; }

    public NamespaceCloudLauncher Launcher { get; }

    public RunningChild? Rendezvous { get; private set; }

    /// <summary>Where instances find the rendezvous server: what boot strings carry.</summary>
    public static string RendezvousAddress => $"{FederationNetwork.RendezvousAddress}:{RendezvousPort}";

    /// <summary>Starts the hub; the on-premises server dials it later.</summary>
    public static async Task<CloudSite> StartHubAsync(CloudNetwork network, string directory)
    {
        var certificate = await SiteCertificate.CreateAsync(directory, network.Domain, network.HubAddress, FederationNetwork.RendezvousAddress);
        var (rendezvous, leaf, app) = (NewUser("rendezvous"), NewUser("onprem-leaf"), NewUser("app-" + network.Domain));
        var hub = await NatsServer.StartAsync(network.Domain, ports => new NatsCloudHubConfiguration
        {
            ServerName = network.Domain,
            JetStreamDomain = network.Domain,
            StoreDirectory = ports.StoreDirectory,
            ClientListen = $"127.0.0.1:{ports.Client}",
            LeafListen = $"{network.HubAddress}:{FederationNetwork.LeafPort}",
            RendezvousUser = rendezvous,
            LeafUser = leaf,
            LeafTls = new NatsTlsFiles { CertificateFile = certificate.CertificateFile, KeyFile = certificate.KeyFile },
        }.Render(), network.Site.Name);
        return new CloudSite(network, directory, hub, certificate, rendezvous, leaf, app);
    }

    /// <summary>What the on-premises server needs to dial this hub: its address, the leaf user, TLS trusting exactly this site's certificate.</summary>
    public NatsCloudRemote Remote() => new()
    {
        JetStreamDomain = Domain,
        HubLeafAddresses = [$"{Network.HubAddress}:{FederationNetwork.LeafPort}"],
        LeafUser = LeafUser,
        AppUser = AppUser,
        Tls = new NatsTlsFiles { CaFile = Certificate.CertificateFile },
    };

    public async Task StartRendezvousAsync() =>
        Rendezvous = await RendezvousProcess.StartAsync(Network.Site, Hub.Ports.Client, RendezvousUser, Certificate, $"https://{RendezvousAddress}");

    /// <summary>The app's provisioner for this cloud: its registrations go through the shared federated registry.</summary>
    public ConfigProvisioner CreateProvisioner(IConfigRegistry registry) => new(registry, Launcher, Options.Create(new ProvisioningOptions
    {
        RendezvousAddress = RendezvousAddress,
        CertificateFingerprint = Certificate.Fingerprint.ToString(),
        DefaultDomain = Domain,
        StatusPollInterval = TimeSpan.FromMilliseconds(200),
        MaxParallelism = 20,
    }));

    /// <summary>The cloud site's cache as its rendezvous server sees it, for checks made in the cloud.</summary>
    public NatsConfigCache CreateCloudView() => new(Options.Create(new NatsConfigCacheOptions
    {
        Url = $"nats://127.0.0.1:{HubForwarder.Port}",
        Username = RendezvousUser.User,
        Password = RendezvousUser.Password,
        OnPremisesDomain = FederatedDeployment.OnPremisesDomain,
        OperationTimeout = TimeSpan.FromSeconds(10),
    }));

    public async ValueTask DisposeAsync()
    {
        await Launcher.DisposeAsync();
        Rendezvous?.Dispose();
        await PoolForwarder.DisposeAsync();
        await HubForwarder.DisposeAsync();
        await Hub.DisposeAsync();
    }

    // Quotes, a backslash and a dollar sign: the generated configurations and the environment must carry them intact.
    private static NatsUserCredential NewUser(string name) => new(name, "p\"w\\$" + Guid.NewGuid().ToString("N"));
}
