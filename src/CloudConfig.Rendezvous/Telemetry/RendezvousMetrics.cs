using System.Diagnostics.Metrics;

namespace CloudConfig.Rendezvous;

/// <summary>
/// The server's instruments, on the meter <see cref="RendezvousTelemetry.Name"/> created by the host's
/// <see cref="IMeterFactory"/>. Tags name operations, kinds and reasons, never a credential or an address.
/// </summary>
internal sealed class RendezvousMetrics
{
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _fetches;
    private readonly Counter<long> _claims;
    private readonly Counter<long> _reports;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _replays;
    private readonly UpDownCounter<long> _longPolls;

    public RendezvousMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(RendezvousTelemetry.Name) { Version = RendezvousTelemetry.Version });
        _registrations = meter.CreateCounter<long>("cloudconfig.rendezvous.registrations", "{entry}", "Entries pre-registered.");
        _fetches = meter.CreateCounter<long>("cloudconfig.rendezvous.fetches", "{fetch}", "Configurations served to instances, by credential (boot, trust).");
        _claims = meter.CreateCounter<long>("cloudconfig.rendezvous.claims", "{claim}", "First contacts and dynamic assignments served (one retried after a lost answer counts again).");
        _reports = meter.CreateCounter<long>("cloudconfig.rendezvous.reports", "{report}", "Reports (update_cache) accepted, by reported state.");
        _refusals = meter.CreateCounter<long>("cloudconfig.rendezvous.refusals", "{request}", "Requests refused, by operation, problem kind and reason: a missing or wrong credential, throttling, bad input.");
        _replays = meter.CreateCounter<long>("cloudconfig.rendezvous.replays", "{alarm}", "Replay alarms: consumed boot secrets presented again.");
        _longPolls = meter.CreateUpDownCounter<long>("cloudconfig.rendezvous.active_long_polls", "{request}", "Long polls waiting for a newer configuration now.");
    }

    public void Registered() => _registrations.Add(1);

    public void Fetched(string credential) => _fetches.Add(1, new KeyValuePair<string, object?>("cloudconfig.credential", credential));

    public void Claimed(string how) => _claims.Add(1, new KeyValuePair<string, object?>("cloudconfig.claim.kind", how));

    public void Reported(string state) => _reports.Add(1, new KeyValuePair<string, object?>("cloudconfig.instance.state", state));

    public void Refused(string operation, string kind, string reason) =>
        _refusals.Add(
            1,
            new KeyValuePair<string, object?>("cloudconfig.operation", operation),
            new KeyValuePair<string, object?>("cloudconfig.refusal.kind", kind),
            new KeyValuePair<string, object?>("cloudconfig.refusal.reason", reason));

    public void Replayed() => _replays.Add(1);

    public void LongPollStarted() => _longPolls.Add(1);

    public void LongPollEnded() => _longPolls.Add(-1);
}
