using CloudConfig.Rendezvous;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the rendezvous server's services.</summary>
public static class RendezvousServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>MapConfigRendezvous</c> needs: options (validated at start-up), the failure rate limiter
    /// policy, metrics. Register an <c>IConfigCache</c> as well (in memory, Redis, ...); the server exposes that one.
    /// The app must call <c>app.UseRateLimiter()</c> so the failure limits apply.
    /// </summary>
    public static IServiceCollection AddConfigRendezvous(this IServiceCollection services, Action<RendezvousOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RendezvousOptions>().ValidateOnStart();
        services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RendezvousOptions>, RendezvousOptionsValidator>());
        services.AddMetrics();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy<string, FailureRateLimiterPolicy>(FailureRateLimiterPolicy.Name);
        });
        services.TryAddSingleton<AppKeyAuthenticator>();
        services.TryAddSingleton<FailureThrottle>();
        services.TryAddSingleton<RendezvousMetrics>();
        services.TryAddSingleton<RendezvousEndpoints>();
        return services;
    }
}
