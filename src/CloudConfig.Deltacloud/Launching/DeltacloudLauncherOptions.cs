namespace CloudConfig.Deltacloud;

/// <summary>How the launcher treats drivers and instances.</summary>
public sealed class DeltacloudLauncherOptions
{
    /// <summary>
    /// When <see langword="true"/>, a launch with user data fails before any create is sent if the entry point does not
    /// advertise <c>user_data</c>. Off by default because the mock driver stores user data without advertising it.
    /// </summary>
    public bool RequireUserDataFeature { get; set; }

    /// <summary>How long termination waits for an instance to finish booting, and then to stop, before destroying it. Default 5 minutes.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
