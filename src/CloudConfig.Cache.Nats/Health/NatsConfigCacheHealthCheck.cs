using CloudConfig.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// Whether the NATS server behind the cache answers a ping and its JetStream answers a request, within the check's
/// timeout; reports the ping's round trip and the connection's state. Says nothing of the URL, the user or the
/// password.
/// </summary>
internal sealed class NatsConfigCacheHealthCheck(NatsConfigCache cache) : IHealthCheck
{
    public const string DefaultName = "nats-config-cache";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = cache.Connection;
        try
        {
            var roundTrip = await connection.ProbeAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(
                "NATS and its JetStream answer.",
                new Dictionary<string, object> { ["latency_ms"] = Math.Round(roundTrip.TotalMilliseconds, 3), ["connection"] = StateName(connection) });
        }
        catch (ConfigCacheException e)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                e is ConfigCacheUnavailableException ? "NATS is unavailable." : "NATS JetStream refused the request.",
                e,
                new Dictionary<string, object> { ["connection"] = StateName(connection) });
        }
    }

    private static string StateName(NatsSiteConnection connection) => connection.State.ToString().ToLowerInvariant();
}
