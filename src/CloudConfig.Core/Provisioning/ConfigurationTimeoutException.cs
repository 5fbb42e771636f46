namespace CloudConfig.Core;

/// <summary>The instance did not report a finished configuration within the time allowed.</summary>
public class ConfigurationTimeoutException : CloudConfigException
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationTimeoutException(Guid uuid, TimeSpan timeout, ConfigEntry? lastSeen)
        : base($"Instance {uuid} did not report a finished configuration within {timeout} (last state: {lastSeen?.Status.State.ToString() ?? "gone"}).")
    {
        Uuid = uuid;
        Timeout = timeout;
        LastSeen = lastSeen;
    }

    /// <summary>The entry's id.</summary>
    public Guid Uuid { get; }

    /// <summary>How long was waited.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The entry as last read, if it still existed.</summary>
    public ConfigEntry? LastSeen { get; }
}
