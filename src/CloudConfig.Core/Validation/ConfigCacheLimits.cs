namespace CloudConfig.Core;

/// <summary>
/// The sizes a cache accepts. Every cache enforces the same limits with the same errors, so an entry that fits
/// one backend fits them all.
/// </summary>
public sealed class ConfigCacheLimits
{
    /// <summary>The largest configuration in bytes. Default 1 MiB.</summary>
    public int MaxConfigurationBytes { get; set; } = 1024 * 1024;

    /// <summary>The most parameters one instance may report. Default 256.</summary>
    public int MaxParameters { get; set; } = 256;

    /// <summary>The longest parameter key, in characters. Default 256.</summary>
    public int MaxParameterKeyLength { get; set; } = 256;

    /// <summary>The longest text parameter value, in characters. Default 64 KiB.</summary>
    public int MaxParameterValueLength { get; set; } = 64 * 1024;

    /// <summary>The most entries the cache holds. Default 1,000,000.</summary>
    public long MaxEntries { get; set; } = 1_000_000;

    /// <summary>The longest status detail (the tail of an applier's output), in characters. Default 16 KiB.</summary>
    public int MaxStatusDetailLength { get; set; } = 16 * 1024;

    /// <summary>The longest domain, pool name, address or config host, in characters. Default 1024.</summary>
    public int MaxNameLength { get; set; } = 1024;

    /// <summary>The most config hosts an entry may list. Default 32.</summary>
    public int MaxConfigHosts { get; set; } = 32;

    /// <summary>Every problem with these limits, or none.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        AddIfNotPositive(problems, nameof(MaxConfigurationBytes), MaxConfigurationBytes);
        AddIfNotPositive(problems, nameof(MaxParameters), MaxParameters);
        AddIfNotPositive(problems, nameof(MaxParameterKeyLength), MaxParameterKeyLength);
        AddIfNotPositive(problems, nameof(MaxParameterValueLength), MaxParameterValueLength);
        AddIfNotPositive(problems, nameof(MaxEntries), MaxEntries);
        AddIfNotPositive(problems, nameof(MaxStatusDetailLength), MaxStatusDetailLength);
        AddIfNotPositive(problems, nameof(MaxNameLength), MaxNameLength);
        AddIfNotPositive(problems, nameof(MaxConfigHosts), MaxConfigHosts);
        return problems;
    }

    private static void AddIfNotPositive(List<string> problems, string name, long value)
    {
        if (value <= 0)
        {
            problems.Add($"{name} must be greater than zero (was {value}).");
        }
    }
}
