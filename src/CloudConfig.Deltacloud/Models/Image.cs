namespace CloudConfig.Deltacloud;

/// <summary>A machine image.</summary>
/// <param name="Id">The image id.</param>
public sealed record Image(string Id)
{
    /// <summary>The image's URL.</summary>
    public string? Href { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The owner.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The architecture, for example <c>x86_64</c>.</summary>
    public string? Architecture { get; init; }

    /// <summary>The state, for example <c>AVAILABLE</c>.</summary>
    public string? State { get; init; }

    /// <summary>When it was created, as the server formats it.</summary>
    public string? CreationTime { get; init; }

    /// <summary>The root device type, for example <c>transient</c>.</summary>
    public string? RootType { get; init; }

    /// <summary>The hardware profiles the image can run on.</summary>
    public IReadOnlyList<string> HardwareProfileIds { get; init; } = [];

    /// <summary>The actions the image lists (<c>create_instance</c>, <c>destroy_image</c>).</summary>
    public IReadOnlyList<DeltacloudLink> Actions { get; init; } = [];
}
