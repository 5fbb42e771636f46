namespace CloudConfig.Cache.Nats;

/// <summary>A bucket's stream as its server reports it.</summary>
/// <param name="LastSequence">The sequence of the last record; a mirror keeps its origin's sequences.</param>
/// <param name="Keys">How many keys it holds, removal markers included.</param>
/// <param name="Mirror">For a mirror, how its link to the origin is doing; null for an origin.</param>
internal sealed record BucketState(ulong LastSequence, ulong Keys, MirrorState? Mirror);

/// <summary>How a mirror's link to its origin is doing.</summary>
/// <param name="Lag">Records the origin has that the mirror has not; reported as 0 while disconnected.</param>
/// <param name="SinceActive">Time since the mirror last heard from its origin (data or heartbeat); null when never.</param>
/// <param name="Error">The server's description of the mirror's last error, or null.</param>
internal sealed record MirrorState(ulong Lag, TimeSpan? SinceActive, string? Error);
