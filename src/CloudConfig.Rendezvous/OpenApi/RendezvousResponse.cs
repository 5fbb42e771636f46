using CloudConfig.Rendezvous.Protocol;

namespace CloudConfig.Rendezvous;

/// <summary>One answer of a route: its status, what it means, its body and the headers it sets.</summary>
internal sealed record RendezvousResponse(int Status, string Description, Type? Body = null)
{
    /// <summary>Response headers other than Cache-Control: name, description.</summary>
    public IReadOnlyList<(string Name, string Description)> Headers { get; init; } = [];

    /// <summary>The problem kinds (<c>errorKind</c>) this answer may carry, when it is a problem.</summary>
    public IReadOnlyList<string> ProblemKinds { get; init; } = [];

    /// <summary>The media type of the body: problems are <c>application/problem+json</c>, everything else JSON.</summary>
    public string MediaType => Body == typeof(ProblemMessage) ? RendezvousHeaders.ProblemMediaType : RendezvousHeaders.JsonMediaType;
}
