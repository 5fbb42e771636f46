namespace CloudConfig.Deltacloud;

/// <summary>Filters for listing instances; each one left <see langword="null"/> is not sent.</summary>
public sealed record InstanceQuery
{
    /// <summary><c>id</c>.</summary>
    public string? Id { get; init; }

    /// <summary><c>state</c>.</summary>
    public DeltacloudInstanceState? State { get; init; }

    /// <summary><c>realm_id</c>.</summary>
    public string? RealmId { get; init; }
}
