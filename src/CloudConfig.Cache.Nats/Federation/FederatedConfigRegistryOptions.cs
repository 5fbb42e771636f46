namespace CloudConfig.Cache.Nats;

/// <summary>Options for <see cref="FederatedConfigRegistry"/>: the store settings every site shares, and the clouds.</summary>
public sealed class FederatedConfigRegistryOptions : NatsStoreOptions
{
    /// <summary>The clouds, each with its entry domain and its account on the on-premises server.</summary>
    public IList<NatsCloudLinkOptions> Clouds { get; } = [];

    /// <summary>
    /// The cloud (by <see cref="NatsCloudLinkOptions.Domain"/>) that takes registrations whose domain names no cloud;
    /// null to refuse them with <see cref="CloudConfig.Core.InvalidConfigInputException"/>.
    /// </summary>
    public string? DefaultDomain { get; set; }

    /// <summary>
    /// How often the link status behind the metrics is refreshed in the background; zero to refresh only when
    /// <see cref="FederatedConfigRegistry.GetLinkStatusAsync"/> is called. Default 5 seconds.
    /// </summary>
    public TimeSpan LinkStatusInterval { get; set; } = TimeSpan.FromSeconds(5);
}
