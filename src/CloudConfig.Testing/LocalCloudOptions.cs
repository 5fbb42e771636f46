using CloudConfig.Agent;
using CloudConfig.Core;
using CloudConfig.Deltacloud;
using CloudConfig.Deltacloud.Embedded;

namespace CloudConfig.Testing;

/// <summary>What <see cref="LocalCloud.StartAsync"/> starts; the defaults give the whole fleet on the embedded cloud.</summary>
public sealed class LocalCloudOptions
{
    /// <summary>
    /// Whether to start the embedded Deltacloud (default). Set it to <see langword="false"/> to use a Deltacloud of your
    /// own, named in <see cref="ConfigureDeltacloud"/>.
    /// </summary>
    public bool EmbeddedCloud { get; set; } = true;

    /// <summary>Where each instance's agent is started (default: as suits the cloud).</summary>
    public LocalAgentMode Agents { get; set; } = LocalAgentMode.Automatic;

    /// <summary>Faults for the embedded cloud's creates, by their 1-based number (see <see cref="EmbeddedCreateFault"/>).</summary>
    public Func<int, EmbeddedCreateFault>? CreateFault { get; set; }

    /// <summary>
    /// Adjusts the app's Deltacloud client after the embedded cloud's address and credentials were set; with
    /// <see cref="EmbeddedCloud"/> off, it must set <see cref="DeltacloudClientOptions.BaseUrl"/> and the credentials.
    /// </summary>
    public Action<DeltacloudClientOptions>? ConfigureDeltacloud { get; set; }

    /// <summary>
    /// Adjusts the provisioner's options after the local ones were set (the rendezvous address, domain <c>local</c>,
    /// a 100 ms status poll, 50 launches at once).
    /// </summary>
    public Action<ProvisioningOptions>? ConfigureProvisioning { get; set; }

    /// <summary>Adjusts every agent's options after the local defaults (see <see cref="LocalAgents"/>).</summary>
    public Action<ConfigAgentOptions>? ConfigureAgent { get; set; }

    /// <summary>
    /// Whether the app reaches the rendezvous server over HTTP with its API key (<c>AddRendezvousConfigCache</c>), as
    /// an app in another process would, instead of sharing the server's cache in process. Every registration, read
    /// and update then travels (and is traced) over the wire.
    /// </summary>
    public bool AppOverHttp { get; set; }

    /// <summary>Adds to the app's services (logging, say) after the cache and launcher were registered.</summary>
    public Action<ICloudConfigBuilder>? ConfigureServices { get; set; }
}
