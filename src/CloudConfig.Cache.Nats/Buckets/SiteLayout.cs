namespace CloudConfig.Cache.Nats;

/// <summary>
/// Which buckets a site writes and which it mirrors. Every bucket has exactly one writer site; the other site
/// holds a read-only mirror of it under the same name, fed across the leaf link from the writer's JetStream domain.
/// </summary>
/// <param name="RegistrationsFrom">
/// The JetStream domain where entries and pools are written, when this site only mirrors them (a cloud site);
/// null when this site writes them.
/// </param>
/// <param name="InstancesFrom">
/// The JetStream domain where instance records are written, when this site only mirrors them (the on-premises side
/// of a cloud link); null when this site writes them.
/// </param>
internal sealed record SiteLayout(string? RegistrationsFrom, string? InstancesFrom)
{
    /// <summary>One site writing every bucket.</summary>
    public static SiteLayout Standalone { get; } = new(null, null);

    /// <summary>A cloud site: it writes what instances do and mirrors what the app registers on premises.</summary>
    public static SiteLayout Cloud(string onPremisesDomain) => new(onPremisesDomain, null);

    /// <summary>The on-premises side of one cloud link: it writes registrations and mirrors what the cloud's instances do.</summary>
    public static SiteLayout OnPremises(string cloudDomain) => new(null, cloudDomain);

    public bool WritesRegistrations => RegistrationsFrom is null;

    public bool WritesInstances => InstancesFrom is null;

    /// <summary>The domain of the other site, which mirrors the buckets this site writes; null for a single site.</summary>
    public string? PeerDomain => RegistrationsFrom ?? InstancesFrom;
}
