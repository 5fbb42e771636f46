using System.Collections.Concurrent;

namespace CloudConfig.Testing;

/// <summary>
/// Every launch the fleet's launcher saw: instances it started and has not terminated since (with the name they were
/// launched under), and the names of launches that never answered (failed or cancelled in flight: their machine may
/// exist all the same).
/// </summary>
internal sealed class LaunchLedger
{
    private readonly ConcurrentDictionary<string, string?> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _unanswered = new(StringComparer.Ordinal);

    /// <summary>Instance id and launch name of each instance started and not terminated since.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Running => [.. _running];

    public IReadOnlyList<string> Unanswered => [.. _unanswered.Keys];

    public void Launched(string instanceId, string? name) => _running[instanceId] = name;

    public void LaunchUnanswered(string name) => _unanswered[name] = 0;

    public void Terminated(string instanceId) => _running.TryRemove(instanceId, out _);

    public void Found(string name) => _unanswered.TryRemove(name, out _);
}
