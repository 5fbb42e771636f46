using System.Diagnostics.Metrics;

namespace CloudConfig.Rendezvous;

/// <summary>The server's counters, on the meter <see cref="MeterName"/>.</summary>
internal sealed class RendezvousMetrics
{
    public const string MeterName = "CloudConfig.Rendezvous";

    private readonly Counter<long> _registrations;
    private readonly Counter<long> _claims;
    private readonly Counter<long> _reports;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _replays;

    public RendezvousMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _registrations = meter.CreateCounter<long>("cloudconfig.rendezvous.registrations", description: "Entries pre-registered.");
        _claims = meter.CreateCounter<long>("cloudconfig.rendezvous.claims", description: "First contacts and dynamic assignments served (one retried after a lost answer counts again).");
        _reports = meter.CreateCounter<long>("cloudconfig.rendezvous.reports", description: "Reports (update_cache) accepted.");
        _refusals = meter.CreateCounter<long>("cloudconfig.rendezvous.refusals", description: "Requests refused for a missing or wrong credential, or throttled.");
        _replays = meter.CreateCounter<long>("cloudconfig.rendezvous.replays", description: "Consumed boot secrets presented again: an alarm.");
    }

    public void Registered() => _registrations.Add(1);

    public void Claimed(string how) => _claims.Add(1, new KeyValuePair<string, object?>("how", how));

    public void Reported() => _reports.Add(1);

    public void Refused(string operation, string reason) =>
        _refusals.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("reason", reason));

    public void Replayed() => _replays.Add(1);
}
