namespace CloudConfig.Deltacloud.Embedded;

/// <summary>Which of the embedded cloud's hooks ran.</summary>
public enum EmbeddedHook
{
    /// <summary><see cref="EmbeddedDeltacloudOptions.BootHook"/>, for a new instance.</summary>
    Boot,

    /// <summary><see cref="EmbeddedDeltacloudOptions.StopHook"/>, for a stopped instance.</summary>
    Stop,
}
