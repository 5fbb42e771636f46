namespace CloudConfig.Deltacloud;

internal sealed class InstanceStatesClient(DeltacloudContext context) : IInstanceStatesClient
{
    public Task<IReadOnlyList<InstanceStateDefinition>> GetAsync(CancellationToken cancellationToken = default) =>
        context.ListAsync(DeltacloudRoutes.InstanceStates, [], static (p, b) => p.ParseInstanceStates(b), cancellationToken);
}
