namespace CloudConfig.Deltacloud;

/// <summary>Filters for listing images; each one left <see langword="null"/> is not sent.</summary>
public sealed record ImageQuery
{
    /// <summary><c>architecture</c>, for example <c>i386</c>.</summary>
    public string? Architecture { get; init; }

    /// <summary><c>owner_id</c>; <c>self</c> means the caller's own images.</summary>
    public string? OwnerId { get; init; }
}
