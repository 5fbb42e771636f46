using CloudConfig.Cache.Nats;
using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using CloudConfig.Rendezvous;
using CloudConfig.Testing;
using CloudConfig.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation;

/// <summary>
/// One cloud, as its operator would run it: a rendezvous server over a <see cref="NatsConfigCache"/> of the cloud's
/// own hub (a cloud site: registrations come mirrored from on premises), and an embedded Deltacloud whose boot hook
/// runs the real agent for each new instance. The app's side of it: a provisioner for this cloud, over the app's one
/// registry, and the teardown that ends what it started.
/// </summary>
internal sealed class CloudSite : IAsyncDisposable
{
    private CloudSite(string domain, RunningRendezvousServer server, EmbeddedDeltacloud cloud, LocalAgents agents, ServiceProvider app)
    {
        Domain = domain;
        Server = server;
        Cloud = cloud;
        Agents = agents;
        App = app;
        Provisioner = app.GetRequiredService<ConfigProvisioner>();
        Teardown = new CloudTeardown(Provisioner);
    }

    public string Domain { get; }

    public RunningRendezvousServer Server { get; }

    public EmbeddedDeltacloud Cloud { get; }

    public LocalAgents Agents { get; }

    private ServiceProvider App { get; }

    public ConfigProvisioner Provisioner { get; }

    public CloudTeardown Teardown { get; }

    public string RendezvousAddress => $"{Server.Urls[0].Host}:{Server.Urls[0].Port}";

    public static async Task<CloudSite> StartAsync(NatsFederation federation, string domain, IConfigRegistry registry, CancellationToken cancellationToken)
    {
        var agents = new LocalAgents();
        var server = await RendezvousServer.StartAsync(new RendezvousServerOptions
        {
            Urls = { "http://127.0.0.1:0" },
            // The cloud's own hub, as a cloud site of the federation whose on-premises domain it names.
            ConfigureBuilder = builder =>
            {
                builder.Services.AddNatsConfigCache(options => federation.ConfigureCloudCache(domain, options));
                builder.Logging.ClearProviders();
            },
            // Only the instances' API is used here: the app registers on premises.
            Configure = rendezvous => rendezvous.ApiKey = Secret.Generate().Reveal(),
        }, cancellationToken);
        var cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions
        {
            BootHook = (instance, _) =>
            {
                agents.StartWithBootString(instance.Id, instance.PrivateAddresses.FirstOrDefault() ?? "127.0.0.1", instance.UserData!);
                return Task.CompletedTask;
            },
            StopHook = (instance, _) => agents.StopAsync(instance.Id),
        }, cancellationToken);
        var address = $"{server.Urls[0].Host}:{server.Urls[0].Port}";
        var services = new ServiceCollection();
        // The app's one registry for every cloud; the provisioner registers through it, into this cloud by domain.
        services.AddSingleton(registry);
        services
            .AddCloudConfig(options =>
            {
                options.RendezvousAddress = address;
                options.DefaultDomain = domain;
                options.StatusPollInterval = TimeSpan.FromMilliseconds(100);
            })
            .AddDeltacloudLauncher(client =>
            {
                client.BaseUrl = cloud.ApiUrl;
                client.Username = cloud.Username;
                client.Password = cloud.Password;
            });
        return new CloudSite(domain, server, cloud, agents, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        // The cloud first, so no boot hook starts an agent after the agents were stopped.
        await Cloud.DisposeAsync();
        await Agents.DisposeAsync();
        await App.DisposeAsync();
        await Server.DisposeAsync();
    }
}
