namespace CloudConfig.Deltacloud;

internal sealed class KeysClient(DeltacloudContext context) : IKeysClient
{
    public Task<IReadOnlyList<Key>> ListAsync(CancellationToken cancellationToken = default) =>
        context.ListAsync(DeltacloudRoutes.Keys, [], static (p, b) => p.ParseKeys(b), cancellationToken);

    public Task<Key> GetAsync(string id, CancellationToken cancellationToken = default) =>
        context.GetAsync(DeltacloudRoutes.Keys, id, static (p, b) => p.ParseKeys(b), cancellationToken);

    public async Task<Key> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var url = await context.CollectionUrlAsync(DeltacloudRoutes.Keys, cancellationToken).ConfigureAwait(false);

        // A repeated create meets "already exists" (403), so it is sent once.
        var request = new DeltacloudRequest(HttpMethod.Post, url) { Form = [new(DeltacloudRoutes.KeyParams.Name, name)], Retry = false };
        var response = await context.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return DeltacloudContext.Single(context.Parse(response, request, static (p, b) => p.ParseKeys(b)), request);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var url = DeltacloudRoutes.Member(await context.CollectionUrlAsync(DeltacloudRoutes.Keys, cancellationToken).ConfigureAwait(false), id);
        await context.SendAsync(new DeltacloudRequest(HttpMethod.Delete, url), cancellationToken).ConfigureAwait(false);
    }
}
