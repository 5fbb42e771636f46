namespace CloudConfig.Core;

/// <summary>Options for <see cref="ConfigProvisioner"/>.</summary>
public sealed class ProvisioningOptions
{
    /// <summary>
    /// The rendezvous address written into boot strings: where booted instances find the cache. Required. Any form
    /// <see cref="Core.RendezvousAddress.Parse"/> reads: <c>host:port</c>, <c>[2001:db8::1]:8443</c> or a URL such as
    /// <c>https://rendezvous.example:8443/</c> (its host and port go into the boot string).
    /// </summary>
    public string? RendezvousAddress { get; set; }

    /// <summary>The rendezvous server certificate's SHA-256 fingerprint, written into boot strings so agents pin it.</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>The domain entries are registered in when a request names none.</summary>
    public string DefaultDomain { get; set; } = "";

    /// <summary>How often the provisioner reads an entry while waiting for its instance. Default 500 ms.</summary>
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many instances <see cref="ConfigProvisioner.ProvisionManyAsync"/> starts at once by default. Default 10.</summary>
    public int MaxParallelism { get; set; } = 10;
}
