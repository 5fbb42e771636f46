namespace CloudConfig.Cache.Nats;

/// <summary>A site's three buckets, opened (and created where missing) on first use.</summary>
internal sealed record SiteBuckets(KvBucket Entries, KvBucket Pools, KvBucket Instances);
