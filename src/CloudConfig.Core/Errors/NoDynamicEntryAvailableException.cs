namespace CloudConfig.Core;

/// <summary>The dynamic pool has no unclaimed entry left to assign.</summary>
public class NoDynamicEntryAvailableException : ConfigCacheException
{
    /// <summary>Creates the exception for a pool.</summary>
    public NoDynamicEntryAvailableException(string pool)
        : base($"The dynamic pool '{pool}' has no unclaimed entry left.")
    {
        Pool = pool;
    }

    /// <summary>The pool that ran dry.</summary>
    public string Pool { get; }
}
