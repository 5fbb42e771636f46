namespace CloudConfig.Cache.Nats;

/// <summary>
/// How current the app's view of one cloud is, as the on-premises mirror of the cloud's instances bucket reports it.
/// While the link is down the mirror reports nothing pending (it cannot know), so judge staleness by
/// <see cref="SinceLastContact"/>, not by <see cref="PendingRecords"/>.
/// </summary>
public sealed record CloudLinkStatus
{
    /// <summary>The cloud's entry domain.</summary>
    public required string Domain { get; init; }

    /// <summary>The cloud's JetStream domain.</summary>
    public required string JetStreamDomain { get; init; }

    /// <summary>
    /// Whether the link is up: the mirror heard from the cloud within <see cref="NatsStoreOptions.MirrorStaleAfter"/>
    /// (heartbeats arrive about once a second) and reports no error.
    /// </summary>
    public required bool IsUp { get; init; }

    /// <summary>How long ago the mirror last heard from the cloud: the age of the app's view of that cloud; null if never.</summary>
    public TimeSpan? SinceLastContact { get; init; }

    /// <summary>Records the cloud has that the app's view has not yet, as last known (0 while disconnected).</summary>
    public ulong PendingRecords { get; init; }

    /// <summary>The mirror's last error, if the server reports one.</summary>
    public string? Error { get; init; }

    /// <summary>When this status was read, by the registry's clock.</summary>
    public DateTimeOffset ObservedAt { get; init; }
}
