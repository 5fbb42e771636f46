namespace CloudConfig.Deltacloud;

/// <summary>The <c>images</c> collection.</summary>
public interface IImagesClient
{
    /// <summary>Lists images, optionally filtered by architecture or owner.</summary>
    Task<IReadOnlyList<Image>> ListAsync(ImageQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one image; <see cref="DeltacloudNotFoundException"/> when it does not exist.</summary>
    Task<Image> GetAsync(string id, CancellationToken cancellationToken = default);
}
