namespace CloudConfig.Rendezvous;

/// <summary>
/// What the OpenAPI document says about one route, attached to its endpoint as metadata (see
/// <see cref="RendezvousOperationConventions"/>). Describing a route changes nothing about how its requests are matched
/// or answered: every request, malformed or not, still reaches the handler and its one error path.
/// </summary>
internal sealed record RendezvousOperation(string Id, string Tag, string Summary, string Description)
{
    /// <summary>The Authorization schemes of which any one is accepted; none for an open route.</summary>
    public IReadOnlyList<string> Security { get; init; } = [];

    /// <summary>The JSON body the route reads, if any.</summary>
    public Type? RequestBody { get; init; }

    /// <summary>Query parameters: name, type (<c>integer</c>, <c>uuid</c> or <c>string</c>), description.</summary>
    public IReadOnlyList<(string Name, string Type, string Description)> Query { get; init; } = [];

    /// <summary>Request headers other than Authorization: name, description.</summary>
    public IReadOnlyList<(string Name, string Description)> Headers { get; init; } = [];

    /// <summary>The Cache-Control header of every answer.</summary>
    public string CacheControl { get; init; } = "no-store";

    /// <summary>Every answer: status, description, body.</summary>
    public IReadOnlyList<RendezvousResponse> Responses { get; init; } = [];
}
