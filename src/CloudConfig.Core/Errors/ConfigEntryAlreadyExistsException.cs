namespace CloudConfig.Core;

/// <summary>An entry with this uuid is already registered; nothing was changed.</summary>
public class ConfigEntryAlreadyExistsException : ConfigCacheException
{
    /// <summary>Creates the exception for a uuid.</summary>
    public ConfigEntryAlreadyExistsException(Guid uuid)
        : base($"An entry with uuid {uuid} is already registered.")
    {
        Uuid = uuid;
    }

    /// <summary>The uuid that is taken.</summary>
    public Guid Uuid { get; }
}
