namespace CloudConfig.Deltacloud;

internal sealed class RealmsClient(DeltacloudContext context) : IRealmsClient
{
    public Task<IReadOnlyList<Realm>> ListAsync(CancellationToken cancellationToken = default) =>
        context.ListAsync(DeltacloudRoutes.Realms, [], static (p, b) => p.ParseRealms(b), cancellationToken);

    public Task<Realm> GetAsync(string id, CancellationToken cancellationToken = default) =>
        context.GetAsync(DeltacloudRoutes.Realms, id, static (p, b) => p.ParseRealms(b), cancellationToken);
}
