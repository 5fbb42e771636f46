namespace CloudConfig.Rendezvous.Protocol;

/// <summary>The answer of the health endpoints (200 with <c>ok</c>, or 503 with <c>unavailable</c>).</summary>
public sealed record HealthMessage
{
    /// <summary><c>ok</c>, or <c>unavailable</c> when a readiness check failed (the cache cannot be reached, or the server is stopping).</summary>
    public required string Status { get; init; }
}
