using CloudConfig.Core;
using CloudConfig.Deltacloud;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Deltacloud endpoint's health check.</summary>
public static class DeltacloudHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that the Deltacloud endpoint of <c>AddDeltacloudClient</c> (or <c>AddDeltacloudLauncher</c>)
    /// answers and accepts its credentials (unhealthy when it refuses them, cannot be reached or fails). Tagged
    /// <see cref="CloudConfigHealth.ReadinessTag"/> unless <paramref name="tags"/> says otherwise.
    /// </summary>
    /// <param name="builder">The health checks, from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name; <c>deltacloud</c> by default.</param>
    /// <param name="failureStatus">What a failure reports; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="tags">The check's tags; <see cref="CloudConfigHealth.ReadinessTag"/> by default.</param>
    /// <param name="timeout">How long the check may take (retries included); <see cref="CloudConfigHealth.DefaultTimeout"/> by default.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddDeltacloudCheck(
        this IHealthChecksBuilder builder,
        string name = DeltacloudHealthCheck.DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new DeltacloudHealthCheck(sp.GetRequiredService<IDeltacloudClient>()),
            failureStatus,
            tags ?? [CloudConfigHealth.ReadinessTag],
            timeout ?? CloudConfigHealth.DefaultTimeout));
    }
}
