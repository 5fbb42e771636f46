using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudConfig.Rendezvous;

/// <summary>
/// The gate in front of every authenticated route: it admits a request to its credential check while
/// <see cref="FailureThrottle"/> allows its source address one, and ends the admission however the handler ends;
/// the endpoints count a failure only when they refuse a credential.
/// </summary>
/// <remarks>
/// It wraps the route handlers themselves rather than being an ASP.NET Core rate-limiter policy: a policy only applies
/// when the app remembers <c>app.UseRateLimiter()</c>, and forgetting it silently removed the failure limits.
/// </remarks>
internal sealed class FailureGate(FailureThrottle throttle, RefusalSummary summary, RendezvousMetrics metrics)
{
    /// <summary>The handler behind the gate; <paramref name="operation"/> names it in metrics.</summary>
    public RequestDelegate Guard(string operation, RequestDelegate handler) => async context =>
    {
        (FailureLease? Lease, TimeSpan RetryAfter) admission;
        try
        {
            admission = await throttle.AdmitAsync(AddressKeyOf(context), context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (ConfigCacheUnavailableException e)
        {
            context.Response.Headers.CacheControl = "no-store";
            await RendezvousHttp.WriteProblemAsync(context, RendezvousProblems.FromException(e)!).ConfigureAwait(false);
            return;
        }

        if (admission.Lease is not { } lease)
        {
            summary.Count("throttled", AddressOf(context), EntryOf(context));
            metrics.Refused(operation, RendezvousProblemKinds.RateLimited, "throttled");
            await WriteThrottledAsync(context, admission.RetryAfter).ConfigureAwait(false);
            return;
        }

        context.Features.Set(lease);
        try
        {
            await handler(context).ConfigureAwait(false);
        }
        finally
        {
            await EndQuietlyAsync(lease).ConfigureAwait(false);
        }
    };

    /// <summary>
    /// Ends the request's attempt once its credential is accepted, so its address's next request need not wait for
    /// this one's answer to be written (or, for a long poll, for minutes). The gate awaits the ending.
    /// </summary>
    public static void Accepted(HttpContext context) => _ = context.Features.Get<FailureLease>()?.EndAsync(failed: false);

    /// <summary>The source address, as logged (the forwarded one only if the app set that up).</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The key an address's failures are counted under: the address itself for IPv4, its /64 network for IPv6 (one
    /// host is routinely given a whole /64, so counting single IPv6 addresses would give an attacker billions of budgets).
    /// </summary>
    public static string AddressKeyOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "address:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "address:" + address;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return "address:" + new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// The key an entry's failures are counted under: the uuid (in one canonical form) or pool named in an instance
    /// route; none for the app's routes, so that an attacker spending an entry's budget cannot lock the app out of it.
    /// </summary>
    /// <remarks>Canonical, so that writing one uuid in another format (braces, no dashes) does not open a fresh budget.</remarks>
    public static string? EntryOf(HttpContext context) =>
        !context.Request.Path.StartsWithSegments(RendezvousRoutes.Prefix + "/instances") && !context.Request.Path.StartsWithSegments(RendezvousRoutes.Prefix + "/pools") ? null
        : context.GetRouteValue("uuid") is string uuid ? "entry:" + (Guid.TryParse(uuid, out var parsed) ? parsed.ToString("D") : uuid)
        : context.GetRouteValue("pool") is string pool ? "pool:" + pool
        : null;

    private static async Task EndQuietlyAsync(FailureLease lease)
    {
        try
        {
            await lease.EndAsync(failed: false).ConfigureAwait(false);
        }
        catch (ConfigCacheUnavailableException)
        {
            // The request has its answer; the store forgets the attempt after its lease.
        }
    }

    /// <summary>Answers 429 with the time to come back.</summary>
    public static Task WriteThrottledAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return RendezvousHttp.WriteProblemAsync(context, RendezvousProblems.RateLimited());
    }
}
