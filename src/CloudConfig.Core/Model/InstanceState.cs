namespace CloudConfig.Core;

/// <summary>Where an instance is in configuring itself, as it last reported.</summary>
public enum InstanceState
{
    /// <summary>A state this version does not know (reported by a newer agent or server).</summary>
    Unknown = 0,

    /// <summary>Registered; the instance has not reported yet.</summary>
    Registered,

    /// <summary>The instance fetched its configuration and is applying it.</summary>
    Configuring,

    /// <summary>The configuration was applied successfully.</summary>
    Configured,

    /// <summary>Applying the configuration failed; see the exit code and detail.</summary>
    Failed,
}
