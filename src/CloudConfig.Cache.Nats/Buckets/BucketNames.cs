namespace CloudConfig.Cache.Nats;

/// <summary>The three buckets of a deployment.</summary>
/// <param name="Entries">Registrations: written where the app registers.</param>
/// <param name="Pools">Dynamic pools and their queues: written where the app registers.</param>
/// <param name="Instances">Claims, reports, contacts and the pools' hand-out positions: written where instances call.</param>
internal sealed record BucketNames(string Entries, string Pools, string Instances)
{
    public static BucketNames For(string prefix) => new($"{prefix}-entries", $"{prefix}-pools", $"{prefix}-instances");
}
