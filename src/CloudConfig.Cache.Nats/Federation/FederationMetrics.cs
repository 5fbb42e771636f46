using System.Diagnostics.Metrics;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// The link gauges on the meter <see cref="FederatedConfigRegistry.MeterName"/>, one measurement per cloud (tag
/// <c>domain</c>), read from each link's last status.
/// </summary>
internal sealed class FederationMetrics : IDisposable
{
    private readonly Meter? _ownedMeter;

    public FederationMetrics(IMeterFactory? meterFactory, IReadOnlyList<CloudLink> links)
    {
        var meter = meterFactory?.Create(FederatedConfigRegistry.MeterName) ?? (_ownedMeter = new Meter(FederatedConfigRegistry.MeterName));
        meter.CreateObservableGauge(
            "cloudconfig.federation.link.up",
            () => Observe(links, s => s.IsUp ? 1 : 0),
            description: "1 while the cloud's link is up (its mirror heard from it recently), else 0.");
        meter.CreateObservableGauge(
            "cloudconfig.federation.link.since_last_contact",
            () => Observe(links, s => s.SinceLastContact?.TotalSeconds ?? double.PositiveInfinity),
            unit: "s",
            description: "Age of the app's view of the cloud: time since the on-premises mirror last heard from it.");
        meter.CreateObservableGauge(
            "cloudconfig.federation.link.pending",
            () => Observe(links, s => (long)s.PendingRecords),
            unit: "{record}",
            description: "Records the cloud has that the on-premises mirror has not received yet (0 while disconnected).");
    }

    public void Dispose() => _ownedMeter?.Dispose();

    private static IEnumerable<Measurement<T>> Observe<T>(IReadOnlyList<CloudLink> links, Func<CloudLinkStatus, T> value)
        where T : struct
    {
        foreach (var link in links)
        {
            if (link.LastStatus is { } status)
            {
                yield return new Measurement<T>(value(status), new KeyValuePair<string, object?>("domain", status.Domain));
            }
        }
    }
}
