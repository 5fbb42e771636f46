namespace CloudConfig.Deltacloud;

/// <summary>The <c>hardware_profiles</c> collection. Ranges and enums are only in XML; JSON gives defaults only.</summary>
public interface IHardwareProfilesClient
{
    /// <summary>Lists hardware profiles.</summary>
    Task<IReadOnlyList<HardwareProfile>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one profile; <see cref="DeltacloudNotFoundException"/> when it does not exist.</summary>
    Task<HardwareProfile> GetAsync(string id, CancellationToken cancellationToken = default);
}
