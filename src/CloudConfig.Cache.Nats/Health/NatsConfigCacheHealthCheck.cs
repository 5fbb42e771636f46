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
        TimeSpan roundTrip;
        try
        {
            roundTrip = await connection.PingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigCacheException e)
        {
            return Failed(context, "NATS is unavailable.", e, Data(connection, null));
        }

        try
        {
            await connection.ProbeJetStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigCacheException e)
        {
            return Failed(context, "NATS answers, but its JetStream does not.", e, Data(connection, roundTrip));
        }

        return HealthCheckResult.Healthy("NATS and its JetStream answer.", Data(connection, roundTrip));
    }

    private static HealthCheckResult Failed(HealthCheckContext context, string description, Exception exception, Dictionary<string, object> data) =>
        new(context.Registration.FailureStatus, description, exception, data);

    private static Dictionary<string, object> Data(NatsSiteConnection connection, TimeSpan? roundTrip)
    {
        var data = new Dictionary<string, object> { ["connection"] = connection.State.ToString().ToLowerInvariant() };
        if (roundTrip is { } measured)
        {
            data["latency_ms"] = Math.Round(measured.TotalMilliseconds, 3);
        }

        return data;
    }
}
