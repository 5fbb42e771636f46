using CloudConfig.Cache.Nats;
using CloudConfig.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the NATS cache's health check.</summary>
public static class NatsHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that the NATS server behind <c>AddNatsConfigCache</c> answers a ping and its JetStream a request
    /// (unhealthy while either does not), reporting the round trip and the connection's state. Tagged <see cref="CloudConfigHealth.ReadinessTag"/> unless <paramref name="tags"/> says otherwise, so a
    /// rendezvous server's <c>/v1/health/ready</c> runs it.
    /// </summary>
    /// <param name="builder">The health checks, from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name; <c>nats-config-cache</c> by default.</param>
    /// <param name="failureStatus">What a failure reports; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="tags">The check's tags; <see cref="CloudConfigHealth.ReadinessTag"/> by default.</param>
    /// <param name="timeout">How long the check may take; <see cref="CloudConfigHealth.DefaultTimeout"/> by default.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddNatsConfigCacheCheck(
        this IHealthChecksBuilder builder,
        string name = NatsConfigCacheHealthCheck.DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new NatsConfigCacheHealthCheck(sp.GetRequiredService<NatsConfigCache>()),
            failureStatus,
            tags ?? [CloudConfigHealth.ReadinessTag],
            timeout ?? CloudConfigHealth.DefaultTimeout));
    }
}
