namespace CloudConfig.Deltacloud;

/// <summary>One HTTP exchange to make, independent of how it is sent.</summary>
internal sealed record DeltacloudRequest(HttpMethod Method, string Url)
{
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>Form fields; sent form-urlencoded so <c>+</c>, <c>/</c> and <c>=</c> of base64 survive.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }

    /// <summary>Whether transient failures may be retried; false for creates, which reconcile instead.</summary>
    public bool Retry { get; init; } = true;

    /// <summary>Whether credentials are sent; false only to probe the entry point as an anonymous caller would.</summary>
    public bool Authenticate { get; init; } = true;
}
