namespace CloudConfig.Deltacloud.Embedded;

/// <summary>The states of the Deltacloud instance state machine that the embedded cloud uses.</summary>
public enum EmbeddedInstanceState
{
    /// <summary>Created; becomes <see cref="Running"/> after <see cref="EmbeddedDeltacloudOptions.PendingDuration"/>.</summary>
    Pending,

    /// <summary>Running; can be rebooted or stopped.</summary>
    Running,

    /// <summary>Stopped; can be started or destroyed.</summary>
    Stopped,
}
