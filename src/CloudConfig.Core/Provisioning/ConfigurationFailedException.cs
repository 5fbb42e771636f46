namespace CloudConfig.Core;

/// <summary>The instance reported that applying its configuration failed.</summary>
public class ConfigurationFailedException : CloudConfigException
{
    /// <summary>Creates the exception from the failed entry.</summary>
    public ConfigurationFailedException(ConfigEntry entry)
        : base($"Instance {entry?.Uuid} failed to apply its configuration (exit code {entry?.Status.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}).")
    {
        ArgumentNullException.ThrowIfNull(entry);
        Entry = entry;
    }

    /// <summary>The entry as reported, with the exit code and the output tail in <see cref="ConfigEntry.Status"/>.</summary>
    public ConfigEntry Entry { get; }
}
