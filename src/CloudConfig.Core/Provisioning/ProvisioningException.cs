namespace CloudConfig.Core;

/// <summary>
/// Provisioning one instance failed. <see cref="Stage"/> says where; <see cref="InstanceStillRunning"/> says
/// plainly whether a machine may have been left behind, and <see cref="EntryLeftBehind"/> whether the entry (only
/// its secret's hash) could not be removed.
/// </summary>
public class ProvisioningException : CloudConfigException
{
    /// <summary>Creates the exception.</summary>
    public ProvisioningException(string message, ProvisioningStage stage, Guid uuid, Exception? innerException)
        : base(message, innerException)
    {
        Stage = stage;
        Uuid = uuid;
    }

    /// <summary>Where it failed.</summary>
    public ProvisioningStage Stage { get; }

    /// <summary>The entry's id.</summary>
    public Guid Uuid { get; }

    /// <summary>The instance's id, when one was started.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Whether the instance was started and could not be destroyed: it is still running and costs money.</summary>
    public bool InstanceStillRunning { get; init; }

    /// <summary>Whether the entry could not be removed (it will expire through <c>remove_stale</c>).</summary>
    public bool EntryLeftBehind { get; init; }
}
