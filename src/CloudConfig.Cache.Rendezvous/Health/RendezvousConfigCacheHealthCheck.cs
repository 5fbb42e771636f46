using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudConfig.Cache.Rendezvous;

/// <summary>
/// Whether the remote rendezvous server the app's cache talks to is ready: its own <c>/v1/health/ready</c> answers
/// 200 (its cache answers and it is not stopping). One request, no retries, within the check's timeout.
/// </summary>
internal sealed class RendezvousConfigCacheHealthCheck(RendezvousConfigCache cache) : IHealthCheck
{
    public const string DefaultName = "rendezvous-config-cache";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        HttpStatusCode status;
        try
        {
            status = await cache.GetReadinessAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The rendezvous server could not be reached.", e);
        }

        return status == HttpStatusCode.OK
            ? HealthCheckResult.Healthy("The rendezvous server is ready.")
            : new HealthCheckResult(context.Registration.FailureStatus, $"The rendezvous server is not ready (it answered {(int)status}).");
    }
}
