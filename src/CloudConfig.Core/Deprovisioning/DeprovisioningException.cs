namespace CloudConfig.Core;

/// <summary>
/// Deprovisioning one instance failed. <see cref="Stage"/> says where; <see cref="InstanceStillRunning"/> and
/// <see cref="EntryLeftBehind"/> say plainly what is left. The entry is only removed once its instance is gone, so a
/// failed teardown never loses track of a running machine: calling
/// <see cref="ConfigProvisioner.DeprovisionAsync"/> again with the same uuid picks up where this one stopped.
/// </summary>
public class DeprovisioningException : CloudConfigException
{
    /// <summary>Creates the exception.</summary>
    public DeprovisioningException(string message, DeprovisioningStage stage, Guid uuid, Exception? innerException)
        : base(message, innerException)
    {
        Stage = stage;
        Uuid = uuid;
    }

    /// <summary>Where it failed.</summary>
    public DeprovisioningStage Stage { get; }

    /// <summary>The entry's id.</summary>
    public Guid Uuid { get; }

    /// <summary>The instance being terminated when it failed, if any.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The instances already terminated before the failure (a repeated create can leave two under one name).</summary>
    public IReadOnlyList<string> TerminatedInstanceIds { get; init; } = [];

    /// <summary>Whether an instance may still be running (and cost money): the terminate failed or was cancelled.</summary>
    public bool InstanceStillRunning { get; init; }

    /// <summary>Whether the entry is still there: kept on purpose while an instance may run, or its removal failed.</summary>
    public bool EntryLeftBehind { get; init; }
}
