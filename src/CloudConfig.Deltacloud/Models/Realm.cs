namespace CloudConfig.Deltacloud;

/// <summary>A realm: an availability zone or data centre.</summary>
/// <param name="Id">The realm id.</param>
public sealed record Realm(string Id)
{
    /// <summary>The realm's URL.</summary>
    public string? Href { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The state, for example <c>AVAILABLE</c>.</summary>
    public string? State { get; init; }

    /// <summary>The limit, when the server gives one (often <c>unlimited</c>).</summary>
    public string? Limit { get; init; }
}
