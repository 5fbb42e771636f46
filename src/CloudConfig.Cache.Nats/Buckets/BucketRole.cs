namespace CloudConfig.Cache.Nats;

/// <summary>How a site holds one bucket.</summary>
/// <param name="MirrorOf">The domain whose bucket this is a read-only mirror of; null when this site writes it.</param>
/// <param name="MirroredBy">
/// For a bucket written here, the domain that mirrors it; null when nothing does (a single site). Such a bucket keeps
/// every revision until the mirror has it (see <see cref="HistoryCompactor"/>).
/// </param>
internal sealed record BucketRole(string? MirrorOf, string? MirroredBy)
{
    public static BucketRole For(string? writtenIn, string? peer) => writtenIn is null ? new(null, peer) : new(writtenIn, null);
}
