using System.Globalization;
using System.Text.Json;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Rendezvous;

/// <summary>
/// The gate in front of every authenticated route: it admits a request while <see cref="FailureThrottle"/> still has
/// failures left for both its source address and its entry; the endpoints spend that budget only when they refuse a
/// credential.
/// </summary>
/// <remarks>
/// It wraps the route handlers themselves rather than being an ASP.NET Core rate-limiter policy: a policy only applies
/// when the app remembers <c>app.UseRateLimiter()</c>, and forgetting it silently removed the failure limits.
/// </remarks>
internal sealed class FailureGate(FailureThrottle throttle, RendezvousMetrics metrics, ILogger<FailureGate> logger)
{
    /// <summary>The handler behind the gate.</summary>
    public RequestDelegate Guard(RequestDelegate handler) => context =>
        throttle.IsBlocked(AddressOf(context), EntryOf(context), out var retryAfter) ? RejectAsync(context, retryAfter) : handler(context);

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

    private async Task RejectAsync(HttpContext http, TimeSpan retryAfter)
    {
        RendezvousLog.Throttled(logger, http.Request.Path, AddressOf(http));
        metrics.Refused("any", "throttled");
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.ContentType = RendezvousHeaders.ProblemMediaType;
        await JsonSerializer.SerializeAsync(http.Response.Body, RendezvousProblems.RateLimited(), RendezvousJsonContext.Default.ProblemMessage, http.RequestAborted).ConfigureAwait(false);
    }
}
