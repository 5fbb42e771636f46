using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudConfig.Rendezvous;

/// <summary>
/// The health endpoints' options. Readiness runs every check tagged <see cref="ReadinessTag"/> (the cache's and
/// stopping's here; an app may add its own with that tag); liveness runs none, since a process that can answer is alive.
/// </summary>
internal static class RendezvousHealth
{
    public const string ReadinessTag = CloudConfigHealth.ReadinessTag;

    public static HealthCheckOptions Liveness { get; } = new() { Predicate = _ => false, ResponseWriter = WriteAsync };

    public static HealthCheckOptions Readiness { get; } = new() { Predicate = check => check.Tags.Contains(ReadinessTag), ResponseWriter = WriteAsync };

    // The status only: the checks' descriptions and exceptions are for the logs, not for anyone who can reach the port.
    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        RendezvousHttp.WriteJsonAsync(
            context,
            context.Response.StatusCode,
            new HealthMessage { Status = report.Status == HealthStatus.Unhealthy ? "unavailable" : "ok" },
            RendezvousJsonContext.Default.HealthMessage);
}
