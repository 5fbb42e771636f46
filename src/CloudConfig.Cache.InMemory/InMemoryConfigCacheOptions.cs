using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory;

/// <summary>Options for <see cref="InMemoryConfigCache"/>.</summary>
public sealed class InMemoryConfigCacheOptions
{
    /// <summary>The sizes the cache accepts (configuration size, parameter map, number of entries, ...).</summary>
    public ConfigCacheLimits Limits { get; set; } = new();
}
