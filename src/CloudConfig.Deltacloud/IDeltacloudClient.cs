namespace CloudConfig.Deltacloud;

/// <summary>
/// The Deltacloud API: one client per resource, all discovered from the cached entry point. Register it with
/// <c>services.AddDeltacloudClient(...)</c>.
/// </summary>
public interface IDeltacloudClient
{
    /// <summary>Instances.</summary>
    IInstancesClient Instances { get; }

    /// <summary>Images.</summary>
    IImagesClient Images { get; }

    /// <summary>Realms.</summary>
    IRealmsClient Realms { get; }

    /// <summary>Hardware profiles.</summary>
    IHardwareProfilesClient HardwareProfiles { get; }

    /// <summary>Keys.</summary>
    IKeysClient Keys { get; }

    /// <summary>The instance state machine.</summary>
    IInstanceStatesClient InstanceStates { get; }

    /// <summary>Drivers.</summary>
    IDriversClient Drivers { get; }

    /// <summary>The entry point (version, driver, provider, collections and features), discovered once and cached.</summary>
    Task<DeltacloudEntryPoint> GetEntryPointAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks the credentials with <c>GET /api?force_auth=1</c>: <see langword="true"/> when accepted,
    /// <see langword="false"/> when refused; other failures throw.
    /// </summary>
    Task<bool> ValidateCredentialsAsync(CancellationToken cancellationToken = default);

    /// <summary>A view of the same server through another driver and provider, sharing the connection, with its own entry point.</summary>
    IDeltacloudClient ForDriver(string driver, string? provider = null);

    /// <summary>The <c>Allow</c> header of <c>OPTIONS</c> on a collection, or on the entry point when <paramref name="collectionRel"/> is <see langword="null"/>.</summary>
    Task<IReadOnlyList<string>> GetAllowedMethodsAsync(string? collectionRel = null, CancellationToken cancellationToken = default);

    /// <summary>Whether the entry point lists the collection and it answers <c>HEAD</c>.</summary>
    Task<bool> IsCollectionAvailableAsync(string collectionRel, CancellationToken cancellationToken = default);
}
