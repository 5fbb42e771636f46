namespace CloudConfig.Core;

/// <summary>The cache already holds as many entries as its options allow; nothing was added.</summary>
public class ConfigCacheFullException : ConfigCacheException
{
    /// <summary>Creates the exception.</summary>
    public ConfigCacheFullException(long limit)
        : base($"The cache already holds its maximum of {limit} entries.")
    {
        Limit = limit;
    }

    /// <summary>The maximum number of entries.</summary>
    public long Limit { get; }
}
