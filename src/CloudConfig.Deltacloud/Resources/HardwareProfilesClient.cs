namespace CloudConfig.Deltacloud;

internal sealed class HardwareProfilesClient(DeltacloudContext context) : IHardwareProfilesClient
{
    public Task<IReadOnlyList<HardwareProfile>> ListAsync(CancellationToken cancellationToken = default) =>
        context.ListAsync(DeltacloudRoutes.HardwareProfiles, [], static (p, b) => p.ParseHardwareProfiles(b), cancellationToken);

    public Task<HardwareProfile> GetAsync(string id, CancellationToken cancellationToken = default) =>
        context.GetAsync(DeltacloudRoutes.HardwareProfiles, id, static (p, b) => p.ParseHardwareProfiles(b), cancellationToken);
}
