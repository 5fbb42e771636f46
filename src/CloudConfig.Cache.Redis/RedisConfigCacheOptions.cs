using CloudConfig.Core;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

/// <summary>Options for <see cref="RedisConfigCache"/>.</summary>
public sealed class RedisConfigCacheOptions
{
    /// <summary>The default <see cref="KeyPrefix"/>.</summary>
    public const string DefaultKeyPrefix = "cloudconfig";

    /// <summary>
    /// A StackExchange.Redis connection string (for example <c>127.0.0.1:6379,password=...</c>). Set this or
    /// <see cref="ConnectionMultiplexer"/>, not both.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// An existing connection to share with the rest of the app. The cache never disposes it. Set this or
    /// <see cref="Configuration"/>, not both.
    /// </summary>
    public IConnectionMultiplexer? ConnectionMultiplexer { get; set; }

    /// <summary>
    /// Prefixes every key and channel, so several deployments can share one Redis. Must not contain braces:
    /// the cache places the hash tags itself.
    /// </summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>
    /// The longest any call waits for Redis (connecting included) before it fails with
    /// <see cref="ConfigCacheUnavailableException"/>. Default 5 seconds.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many stale entries one atomic step of <c>remove_stale</c> removes at most. Default 500.</summary>
    public int StaleSweepBatchSize { get; set; } = 500;

    /// <summary>The sizes the cache accepts (configuration size, parameter map, number of entries, ...).</summary>
    public ConfigCacheLimits Limits { get; set; } = new();

    /// <summary>
    /// A trusted fetch records the instance's contact (a member of one batched write of the stale index) only when
    /// this process recorded none for it within this interval, as <c>NatsConfigCache</c> does; so an entry's
    /// <c>LastContactAt</c> may be up to this much older than its latest fetch (reports and claims are always
    /// recorded). Keep <c>remove_stale</c>'s threshold well above it. Zero records every fetch. Default 5 seconds.
    /// </summary>
    public TimeSpan ContactWriteInterval { get; set; } = TimeSpan.FromSeconds(5);
}
