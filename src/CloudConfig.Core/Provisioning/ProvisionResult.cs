namespace CloudConfig.Core;

/// <summary>The outcome for one request of <see cref="ConfigProvisioner.ProvisionManyAsync"/>.</summary>
/// <param name="Index">The request's position in the list given.</param>
/// <param name="Instance">The provisioned instance, when it succeeded.</param>
/// <param name="Error">Why it failed, when it did (an <see cref="OperationCanceledException"/> when it was never started because of cancellation).</param>
public sealed record ProvisionResult(int Index, ProvisionedInstance? Instance, Exception? Error)
{
    /// <summary>Whether the instance was provisioned.</summary>
    public bool Succeeded => Instance is not null;
}
