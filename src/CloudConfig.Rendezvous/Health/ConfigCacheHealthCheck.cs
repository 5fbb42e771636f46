using CloudConfig.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous;

/// <summary>
/// Readiness: whether the server's cache answers, probed with the cheapest call there is, reading an entry that
/// does not exist. Not found means reachable; unavailable, or no answer within
/// <see cref="RendezvousOptions.ReadinessTimeout"/>, means not ready.
/// </summary>
internal sealed class ConfigCacheHealthCheck(IConfigCache cache, IOptions<RendezvousOptions> options) : IHealthCheck
{
    public const string Name = "config-cache";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.ReadinessTimeout;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await cache.GetAsync(Guid.NewGuid(), bounded.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The cache answers.");
        }
        catch (ConfigCacheUnavailableException e)
        {
            return HealthCheckResult.Unhealthy("The cache is unavailable.", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The cache did not answer within {timeout.TotalMilliseconds:0} ms.");
        }
    }
}
