namespace CloudConfig.Core;

/// <summary>The outcome for one uuid of <see cref="ConfigProvisioner.DeprovisionManyAsync"/>.</summary>
/// <param name="Index">The uuid's position in the list given.</param>
/// <param name="Uuid">The entry's id.</param>
/// <param name="Instance">What was ended, when it succeeded.</param>
/// <param name="Error">
/// Why it failed, when it did: a <see cref="DeprovisioningException"/>, or an <see cref="OperationCanceledException"/>
/// when it was never started because of cancellation (then nothing was changed for that uuid).
/// </param>
public sealed record DeprovisionResult(int Index, Guid Uuid, DeprovisionedInstance? Instance, Exception? Error)
{
    /// <summary>Whether the instance and the entry are both gone.</summary>
    public bool Succeeded => Instance is not null;
}
