namespace CloudConfig.Deltacloud;

/// <summary>The <c>realms</c> collection.</summary>
public interface IRealmsClient
{
    /// <summary>Lists realms.</summary>
    Task<IReadOnlyList<Realm>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one realm; <see cref="DeltacloudNotFoundException"/> when it does not exist.</summary>
    Task<Realm> GetAsync(string id, CancellationToken cancellationToken = default);
}
