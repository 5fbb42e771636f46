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
}
