using CloudConfig.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudConfig.Cache.Redis;

/// <summary>
/// Whether the Redis behind the cache answers a PING within the check's timeout; reports the round trip. Says
/// nothing of the connection string, which may hold a password.
/// </summary>
internal sealed class RedisConfigCacheHealthCheck(RedisConfigCache cache) : IHealthCheck
{
    public const string DefaultName = "redis-config-cache";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await cache.Connection.RunAsync(db => db.PingAsync(), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(
                "Redis answers.",
                new Dictionary<string, object> { ["latency_ms"] = Math.Round(latency.TotalMilliseconds, 3) });
        }
        catch (ConfigCacheUnavailableException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis is unavailable.", e);
        }
    }
}
