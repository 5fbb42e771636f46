namespace CloudConfig.Core;

/// <summary>Options for <see cref="ConfigProvisioner"/>.</summary>
public sealed class ProvisioningOptions
{
    /// <summary>The rendezvous address written into boot strings: where booted instances find the cache. Required.</summary>
    public string? RendezvousAddress { get; set; }

    /// <summary>The rendezvous server certificate's SHA-256 fingerprint, written into boot strings so agents pin it.</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>The domain entries are registered in when a request names none.</summary>
    public string DefaultDomain { get; set; } = "";

    /// <summary>How often the provisioner reads an entry while waiting for its instance. Default 500 ms.</summary>
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many instances <see cref="ConfigProvisioner.ProvisionManyAsync"/> starts at once by default. Default 10.</summary>
    public int MaxParallelism { get; set; } = 10;

    /// <summary>Every problem with these options, or none.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(RendezvousAddress))
        {
            problems.Add("RendezvousAddress is required: it is where booted instances find the cache.");
        }
        else
        {
            try
            {
                Core.RendezvousAddress.Parse(RendezvousAddress);
            }
            catch (BootStringFormatException e)
            {
                problems.Add($"RendezvousAddress is not valid: {e.Message}");
            }
        }

        if (CertificateFingerprint is not null && !Core.CertificateFingerprint.TryParse(CertificateFingerprint, out _))
        {
            problems.Add("CertificateFingerprint must be 64 lowercase hexadecimal digits.");
        }

        if (StatusPollInterval <= TimeSpan.Zero)
        {
            problems.Add($"StatusPollInterval must be positive (was {StatusPollInterval}).");
        }

        if (MaxParallelism < 1)
        {
            problems.Add($"MaxParallelism must be at least 1 (was {MaxParallelism}).");
        }

        return problems;
    }
}
