using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the remote rendezvous cache's health check.</summary>
public static class RendezvousHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that the rendezvous server behind <c>AddRendezvousConfigCache</c> is ready (its
    /// <c>/v1/health/ready</c> answers 200; unhealthy while it answers otherwise or cannot be reached). Tagged
    /// <see cref="CloudConfigHealth.ReadinessTag"/> unless <paramref name="tags"/> says otherwise.
    /// </summary>
    /// <param name="builder">The health checks, from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name; <c>rendezvous-config-cache</c> by default.</param>
    /// <param name="failureStatus">What a failure reports; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="tags">The check's tags; <see cref="CloudConfigHealth.ReadinessTag"/> by default.</param>
    /// <param name="timeout">How long the check may take; <see cref="CloudConfigHealth.DefaultTimeout"/> by default.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddRendezvousConfigCacheCheck(
        this IHealthChecksBuilder builder,
        string name = RendezvousConfigCacheHealthCheck.DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new RendezvousConfigCacheHealthCheck(sp.GetRequiredService<RendezvousConfigCache>()),
            failureStatus,
            tags ?? [CloudConfigHealth.ReadinessTag],
            timeout ?? CloudConfigHealth.DefaultTimeout));
    }
}
