namespace CloudConfig.Core;

/// <summary>
/// How an instance proves who it is when it fetches its configuration.
/// </summary>
/// <remarks>
/// On first contact an instance presents its single-use boot secret together with a trust key it has just
/// generated (and saved); the cache consumes the boot secret and keeps only the trust key's hash. Every later
/// call presents the trust key alone. Because the agent chose the trust key, a first contact whose answer was
/// lost can be retried with the same pair and still succeeds, while anyone else replaying the boot string is
/// refused and counted.
/// </remarks>
public sealed class InstanceCredential
{
    private InstanceCredential(Secret? bootSecret, Secret trustKey)
    {
        BootSecret = bootSecret;
        TrustKey = trustKey;
    }

    /// <summary>The boot secret from the boot string; set on first contact only.</summary>
    public Secret? BootSecret { get; }

    /// <summary>The instance's own trust key.</summary>
    public Secret TrustKey { get; }

    /// <summary>Whether this is a first contact (boot secret plus a new trust key).</summary>
    public bool IsFirstContact => BootSecret is not null;

    /// <summary>First contact: the boot secret, and the trust key the instance will use from now on.</summary>
    public static InstanceCredential FirstContact(Secret bootSecret, Secret trustKey)
    {
        ArgumentNullException.ThrowIfNull(bootSecret);
        ArgumentNullException.ThrowIfNull(trustKey);
        return new InstanceCredential(bootSecret, trustKey);
    }

    /// <summary>Any later contact: the trust key alone.</summary>
    public static InstanceCredential Trusted(Secret trustKey)
    {
        ArgumentNullException.ThrowIfNull(trustKey);
        return new InstanceCredential(null, trustKey);
    }

    /// <summary>Never the secrets.</summary>
    public override string ToString() => IsFirstContact ? "first contact [secret]" : "trust key [secret]";
}
