namespace CloudConfig.Core;

/// <summary>Where provisioning failed.</summary>
public enum ProvisioningStage
{
    /// <summary>Registering the configuration; nothing was started.</summary>
    Register,

    /// <summary>Starting the instance; the entry was removed again.</summary>
    Launch,

    /// <summary>After the instance started (for example the cloud put it in an error state, or the call was cancelled).</summary>
    AfterLaunch,
}
