namespace CloudConfig.Rendezvous.Protocol;

/// <summary>The answer to <c>remove_stale</c>.</summary>
public sealed record RemoveStaleResultMessage
{
    /// <summary>How many entries were removed.</summary>
    public required int Removed { get; init; }
}
