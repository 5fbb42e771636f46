namespace CloudConfig.Rendezvous.Protocol;

/// <summary>The body of <c>remove_stale</c>.</summary>
public sealed record RemoveStaleMessage
{
    /// <summary>Entries not heard from within this many milliseconds are removed.</summary>
    public required long TimeoutMilliseconds { get; init; }
}
