using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using CloudConfig.Core;

// Shared source: compiled into each package that needs it (see the Compile items in its project), internal to
// each, so no package exposes it and none depends on another for it. Plain comments, not XML docs: one member in two
// packages' documentation files breaks tools that merge them (ASP.NET Core's OpenAPI comments fail on the duplicate).
namespace CloudConfig.Rendezvous.Client;

// The HTTP rules every client of a rendezvous server follows: the handler (with optional certificate pinning, never
// without TLS verification), and which failures may be retried. RendezvousInstanceClient uses them, and
// so does the app's client in CloudConfig.Cache.Rendezvous; another client of the same server should too.
internal static class RendezvousHandlers
{
    // A handler that, with a pin, accepts exactly the pinned certificate (whatever its chain) and nothing else;
    // without one, the platform's normal validation applies. TLS verification is never switched off.
    public static SocketsHttpHandler Create(CertificateFingerprint? pin, TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        if (pin is not null)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && pin.Matches(certificate),
            };
        }

        return handler;
    }

    // Whether the TLS handshake failed on the server's certificate.
    public static bool IsTrustFailure(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }
        || exception.InnerException is AuthenticationException
        || (exception.InnerException is not null && IsTrustFailure(exception.InnerException));

    // Whether the connection was never established, so the request cannot have been processed.
    public static bool IsConnectFailure(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        || (exception.InnerException is not null && IsConnectFailure(exception.InnerException));

    // Whether a status says "try again later" without saying anything about the call: 429 always, and for an
    // idempotent call also 408, 502, 503 and 504.
    public static bool IsTransient(HttpStatusCode status, bool idempotent) =>
        status == HttpStatusCode.TooManyRequests
        || (idempotent && status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout);

    // The delay a 429 or 503 asks for (its Retry-After), capped at cap; null when it asks for none.
    public static TimeSpan? RetryAfter(System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter, TimeSpan cap)
    {
        var delay = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - TimeProvider.System.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return delay is null ? null : TimeSpan.FromTicks(Math.Clamp(delay.Value.Ticks, 0, cap.Ticks));
    }
}
