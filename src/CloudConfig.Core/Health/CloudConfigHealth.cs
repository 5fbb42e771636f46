namespace CloudConfig.Core;

/// <summary>
/// What CloudConfig's health checks share. The checks themselves live with what they probe
/// (<c>AddRedisConfigCacheCheck</c>, <c>AddNatsConfigCacheCheck</c>, <c>AddRendezvousConfigCacheCheck</c>, <c>AddDeltacloudCheck</c> on
/// <c>services.AddHealthChecks()</c>), so Core needs no health-check package.
/// </summary>
public static class CloudConfigHealth
{
    /// <summary>
    /// The tag of readiness checks: the rendezvous server's <c>/v1/health/ready</c> runs every check with it, and
    /// CloudConfig's checks carry it unless told otherwise. An app maps its own readiness endpoint with a predicate on it.
    /// </summary>
    public const string ReadinessTag = "cloudconfig-ready";

    /// <summary>How long a CloudConfig check waits for an answer unless told otherwise: 2 seconds.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(2);
}
