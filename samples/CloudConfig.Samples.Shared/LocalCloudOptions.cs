using CloudConfig.Deltacloud.Embedded;

namespace CloudConfig.Samples.Shared;

/// <summary>How <see cref="LocalCloud.StartAsync"/> sets things up.</summary>
public sealed class LocalCloudOptions
{
    /// <summary>Whether to start the embedded Deltacloud; off when a real Deltacloud server is used.</summary>
    public bool EmbeddedCloud { get; set; } = true;

    /// <summary>Whether the embedded cloud "boots" its instances, i.e. runs an agent for each; off to imitate the real mock driver.</summary>
    public bool BootAgents { get; set; } = true;

    /// <summary>Faults for the embedded cloud's creates, by their 1-based number.</summary>
    public Func<int, EmbeddedCreateFault>? CreateFault { get; set; }

    /// <summary>
    /// Whether the app reaches the rendezvous server over HTTP with its API key (<c>AddRendezvousConfigCache</c>), as
    /// an app in another process would, instead of sharing the server's cache in process. Every registration, read
    /// and update then travels (and is traced) over the wire.
    /// </summary>
    public bool AppOverHttp { get; set; }
}
