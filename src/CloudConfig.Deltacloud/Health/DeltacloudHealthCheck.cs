using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudConfig.Deltacloud;

/// <summary>
/// Whether the Deltacloud endpoint answers and accepts the client's credentials: its entry point, authenticated
/// (<see cref="IDeltacloudClient.ValidateCredentialsAsync"/>). Says nothing of the credentials themselves.
/// </summary>
internal sealed class DeltacloudHealthCheck(IDeltacloudClient client) : IHealthCheck
{
    public const string DefaultName = "deltacloud";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await client.ValidateCredentialsAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy("The Deltacloud endpoint answers and accepts the credentials.")
                : new HealthCheckResult(context.Registration.FailureStatus, "The Deltacloud endpoint refuses the credentials.");
        }
        catch (DeltacloudException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The Deltacloud endpoint could not be used: " + e.GetType().Name + ".", e);
        }
    }
}
