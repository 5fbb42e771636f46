namespace CloudConfig.Deltacloud.Embedded;

/// <summary>An image the embedded cloud lists under <c>/api/images</c>.</summary>
/// <param name="Id">The image id (also its name, as in the mock driver).</param>
/// <param name="Description">A free-text description.</param>
/// <param name="OwnerId">The owner; <c>?owner_id=self</c> matches the configured user name.</param>
/// <param name="Architecture">The architecture label, such as <c>x86_64</c> or <c>i386</c>.</param>
public sealed record EmbeddedImage(string Id, string Description, string OwnerId, string Architecture)
{
    /// <summary>The creation time as the server prints it (an opaque string in the Deltacloud API).</summary>
    public string CreationTime { get; init; } = "Thu Oct 25 14:27:53 CEST 2012";
}
