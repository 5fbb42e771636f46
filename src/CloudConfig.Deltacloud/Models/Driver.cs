namespace CloudConfig.Deltacloud;

/// <summary>A driver the server can use, with the providers (regions, endpoints) it knows.</summary>
/// <param name="Id">The driver id, the value for <c>X-Deltacloud-Driver</c>.</param>
public sealed record Driver(string Id)
{
    /// <summary>The driver's URL.</summary>
    public string? Href { get; init; }

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>Provider ids, the values for <c>X-Deltacloud-Provider</c>.</summary>
    public IReadOnlyList<string> Providers { get; init; } = [];
}
