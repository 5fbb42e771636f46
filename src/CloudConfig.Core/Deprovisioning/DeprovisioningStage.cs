namespace CloudConfig.Core;

/// <summary>Where deprovisioning failed, and so what was left as it was.</summary>
public enum DeprovisioningStage
{
    /// <summary>Looking the instance up by its name; nothing was changed.</summary>
    FindInstance,

    /// <summary>Terminating the instance; it may still be running, and its entry was kept.</summary>
    Terminate,

    /// <summary>Removing the entry, after the instance was terminated; the entry is left behind.</summary>
    RemoveEntry,
}
