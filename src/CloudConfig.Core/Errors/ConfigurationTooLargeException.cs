namespace CloudConfig.Core;

/// <summary>A configuration is larger than the cache accepts; nothing was changed.</summary>
public class ConfigurationTooLargeException : InvalidConfigInputException
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationTooLargeException(long size, long limit)
        : base("configuration", $"is {size} bytes, over the limit of {limit} bytes.")
    {
        Size = size;
        Limit = limit;
    }

    /// <summary>The configuration's size in bytes.</summary>
    public long Size { get; }

    /// <summary>The largest size accepted, in bytes.</summary>
    public long Limit { get; }
}
