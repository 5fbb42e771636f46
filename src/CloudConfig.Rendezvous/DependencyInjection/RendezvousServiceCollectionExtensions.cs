using CloudConfig.Core;
using CloudConfig.Rendezvous;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the rendezvous server's services.</summary>
public static class RendezvousServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>MapConfigRendezvous</c> needs: options (validated at start-up, every problem listed at once),
    /// the failure limits (kept in this process unless an <see cref="IFailureBudget"/> is registered, as
    /// <c>AddRedisConfigCache</c> does), the refusal log, metrics, and the readiness checks (the cache answers; the
    /// server is not stopping). Register an <c>IConfigCache</c> in the same services (in memory, Redis, ...): the server
    /// exposes that one, the same the app's provisioner registers in, and makes none of its own; without one the host
    /// refuses to start.
    /// </summary>
    public static IServiceCollection AddConfigRendezvous(this IServiceCollection services, Action<RendezvousOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RendezvousOptions>().ValidateOnStart();
        services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RendezvousOptions>, RendezvousOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RendezvousOptions>, RendezvousCacheValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        // Counts in this process unless a shared store (the Redis cache's) is registered.
        services.TryAddSingleton<IFailureBudget>(sp => new InProcessFailureBudget(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<AppKeyAuthenticator>();
        services.TryAddSingleton<RefusalSummary>();
        services.TryAddSingleton<FailureThrottle>();
        services.TryAddSingleton<FailureGate>();
        services.TryAddSingleton<RendezvousMetrics>();
        services.TryAddSingleton<RendezvousEndpoints>();
        AddOpenApiDocument(services);
        AddReadinessChecks(services);
        return services;
    }

    // Once, however often AddConfigRendezvous is called: a second AddOpenApi would run every transformer twice.
    private static void AddOpenApiDocument(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(RendezvousOpenApiDocument)))
        {
            return;
        }

        services.AddSingleton<RendezvousOpenApiDocument>();
        services.AddOpenApi(RendezvousOpenApi.DocumentName, RendezvousOpenApi.Configure);
    }

    // Idempotent, so that calling AddConfigRendezvous twice (or after the app's own AddHealthChecks) adds each check once.
    private static void AddReadinessChecks(IServiceCollection services)
    {
        services.AddHealthChecks();
        services.Configure<HealthCheckServiceOptions>(options =>
        {
            string[] tags = [RendezvousHealth.ReadinessTag];
            if (!options.Registrations.Any(r => r.Name == ConfigCacheHealthCheck.Name))
            {
                options.Registrations.Add(new HealthCheckRegistration(
                    ConfigCacheHealthCheck.Name, sp => ActivatorUtilities.CreateInstance<ConfigCacheHealthCheck>(sp), HealthStatus.Unhealthy, tags));
            }

            if (!options.Registrations.Any(r => r.Name == StoppingHealthCheck.Name))
            {
                options.Registrations.Add(new HealthCheckRegistration(
                    StoppingHealthCheck.Name, sp => ActivatorUtilities.CreateInstance<StoppingHealthCheck>(sp), HealthStatus.Unhealthy, tags));
            }
        });
    }
}
