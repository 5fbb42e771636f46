namespace CloudConfig.Deltacloud;

internal sealed class ImagesClient(DeltacloudContext context) : IImagesClient
{
    public Task<IReadOnlyList<Image>> ListAsync(ImageQuery? query = null, CancellationToken cancellationToken = default)
    {
        var filters = new List<KeyValuePair<string, string>>();
        if (query?.Architecture is { } architecture)
        {
            filters.Add(new(DeltacloudRoutes.ImageParams.Architecture, architecture));
        }

        if (query?.OwnerId is { } owner)
        {
            filters.Add(new(DeltacloudRoutes.ImageParams.OwnerId, owner));
        }

        return context.ListAsync(DeltacloudRoutes.Images, filters, static (p, b) => p.ParseImages(b), cancellationToken);
    }

    public Task<Image> GetAsync(string id, CancellationToken cancellationToken = default) =>
        context.GetAsync(DeltacloudRoutes.Images, id, static (p, b) => p.ParseImages(b), cancellationToken);
}
