namespace CloudConfig.Deltacloud;

/// <summary>The drivers the server offers.</summary>
public interface IDriversClient
{
    /// <summary>Lists drivers with their providers.</summary>
    Task<IReadOnlyList<Driver>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one driver; <see cref="DeltacloudNotFoundException"/> when it does not exist.</summary>
    Task<Driver> GetAsync(string id, CancellationToken cancellationToken = default);
}
