using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Rendezvous;

/// <summary>
/// The ASP.NET Core rate-limiter policy in front of every authenticated route, partitioned by source address and
/// entry. Its partitions admit a request while <see cref="FailureThrottle"/> still has failures left for both; the
/// endpoints spend that budget only when they refuse a credential.
/// </summary>
internal sealed class FailureRateLimiterPolicy(FailureThrottle throttle, RendezvousMetrics metrics, ILogger<FailureRateLimiterPolicy> logger)
    : IRateLimiterPolicy<string>
{
    public const string Name = "CloudConfig.Rendezvous.Failures";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var address = AddressOf(httpContext);
        var entry = EntryOf(httpContext);
        return RateLimitPartition.Get(address + "|" + entry, _ => new FailureGate(throttle, address, entry));
    }

    /// <summary>The source address failures are counted against (the forwarded one only if the app set that up).</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The entry failures are counted against: the uuid (in one canonical form) or pool named in an instance route;
    /// none for the app's routes, so that an attacker spending an entry's budget cannot lock the app out of it.
    /// </summary>
    /// <remarks>Canonical, so that writing one uuid in another format (braces, no dashes) does not open a fresh budget.</remarks>
    public static string? EntryOf(HttpContext context) =>
        !context.Request.Path.StartsWithSegments(RendezvousRoutes.Prefix + "/instances") && !context.Request.Path.StartsWithSegments(RendezvousRoutes.Prefix + "/pools") ? null
        : context.GetRouteValue("uuid") is string uuid ? "uuid:" + (Guid.TryParse(uuid, out var parsed) ? parsed.ToString("D") : uuid)
        : context.GetRouteValue("pool") is string pool ? "pool:" + pool
        : null;

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        RendezvousLog.Throttled(logger, http.Request.Path, AddressOf(http));
        metrics.Refused("any", "throttled");
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.ContentType = RendezvousHeaders.ProblemMediaType;
        await JsonSerializer.SerializeAsync(http.Response.Body, RendezvousProblems.RateLimited(), RendezvousJsonContext.Default.ProblemMessage, cancellationToken).ConfigureAwait(false);
    }
}
