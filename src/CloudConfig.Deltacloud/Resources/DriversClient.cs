namespace CloudConfig.Deltacloud;

internal sealed class DriversClient(DeltacloudContext context) : IDriversClient
{
    public Task<IReadOnlyList<Driver>> ListAsync(CancellationToken cancellationToken = default) =>
        context.ListAsync(DeltacloudRoutes.Drivers, [], static (p, b) => p.ParseDrivers(b), cancellationToken);

    public Task<Driver> GetAsync(string id, CancellationToken cancellationToken = default) =>
        context.GetAsync(DeltacloudRoutes.Drivers, id, static (p, b) => p.ParseDrivers(b), cancellationToken);
}
