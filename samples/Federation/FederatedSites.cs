using CloudConfig.Cache.Nats;
using CloudConfig.Testing;
using CloudConfig.Testing.Nats;
using Microsoft.Extensions.Options;

namespace Federation;

/// <summary>
/// Everything the sample runs, on this machine: an on-premises nats-server that is a leaf node of each cloud's hub
/// and dials out to it (each link through a TCP forwarder the sample can cut), the app's
/// <see cref="FederatedConfigRegistry"/> on premises, and the clouds.
/// </summary>
internal sealed class FederatedSites : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> CloudDomains = ["cloud-a", "cloud-b"];
    private readonly List<CloudSite> _clouds = [];

    private FederatedSites(NatsFederation federation, FederatedConfigRegistry registry)
    {
        Federation = federation;
        Registry = registry;
    }

    public NatsFederation Federation { get; }

    /// <summary>The app's one registry over every cloud: <c>pre_register</c>'s domain picks the cloud.</summary>
    public FederatedConfigRegistry Registry { get; }

    public IReadOnlyList<CloudSite> Clouds => _clouds;

    public CloudSite this[string domain] => _clouds.Single(c => c.Domain == domain);

    /// <summary>Starts the nats-servers (the hubs, then on premises), the registry and the clouds; on failure, stops what started.</summary>
    public static async Task<FederatedSites> StartAsync(CancellationToken cancellationToken)
    {
        var federation = await NatsFederation.StartAsync(CloudDomains, cancellationToken: cancellationToken);
        var options = new FederatedConfigRegistryOptions();
        foreach (var domain in CloudDomains)
        {
            // The app connects on premises only, as the user of this cloud's account there.
            options.Clouds.Add(federation.LinkOptions(domain));
        }

        var sites = new FederatedSites(federation, new FederatedConfigRegistry(Options.Create(options)));
        try
        {
            foreach (var domain in CloudDomains)
            {
                sites._clouds.Add(await CloudSite.StartAsync(federation, domain, sites.Registry, cancellationToken));
            }

            return sites;
        }
        catch
        {
            await sites.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends every instance and entry the run started (the links restored first, so removals reach the clouds).</summary>
    public async Task<LocalTeardownReport> EndAsync()
    {
        foreach (var cloud in Federation.Clouds)
        {
            cloud.Link.Restore();
        }

        var reports = new List<LocalTeardownReport>();
        foreach (var cloud in _clouds)
        {
            reports.Add(await cloud.Teardown.RunAsync());
        }

        return new LocalTeardownReport(reports.Sum(r => r.InstancesTerminated), reports.Sum(r => r.EntriesRemoved), [.. reports.SelectMany(r => r.Failures)]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cloud in _clouds)
        {
            await cloud.DisposeAsync();
        }

        await Registry.DisposeAsync();
        await Federation.DisposeAsync();
    }
}
