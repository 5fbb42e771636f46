using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace CloudConfig.Cache.Nats;

/// <summary>Which NATS failures mean "the backend is unavailable now, try later" rather than a refusal or a bug.</summary>
internal static class NatsFailures
{
    /// <summary>JetStream's code for a temporary condition (no leader, not enough resources yet, shutting down).</summary>
    private const int ServiceUnavailable = 503;

    public static bool IsUnavailable(Exception e) => e switch
    {
        // Key-value outcomes (not found, wrong revision) are answers, decided by the callers.
        NatsKVException => false,
        NatsJSApiException api => api.Error.Code == ServiceUnavailable,
        // No responders, no acknowledgement, a lost connection, a request timeout: all transport failures.
        NatsException or TimeoutException or IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };
}
