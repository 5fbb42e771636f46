namespace CloudConfig.Core;

/// <summary>A started instance with its registered entry. It holds no secret: the boot secret went only into user data.</summary>
/// <param name="Uuid">The entry's id.</param>
/// <param name="Instance">The cloud's view of the instance when it was started.</param>
public sealed record ProvisionedInstance(Guid Uuid, LaunchedInstance Instance)
{
    /// <summary>The cloud's id of the instance.</summary>
    public string InstanceId => Instance.InstanceId;
}
