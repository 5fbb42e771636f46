namespace CloudConfig.Rendezvous.Protocol;

/// <summary>The answer of the health endpoint.</summary>
public sealed record HealthMessage
{
    /// <summary><c>ok</c> when the server answers.</summary>
    public required string Status { get; init; }
}
