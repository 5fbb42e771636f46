using System.Diagnostics;
using System.Globalization;
using CloudConfig.Core;
using CloudConfig.Testing;

namespace CloudConfig.Samples.Shared;

/// <summary>
/// Flow (c): register a pool of configurations with a pool credential, start as many instances with no user data,
/// let their agents (which know the rendezvous address, pool and credential from their image) claim entries first
/// come first served, and watch the claims until every entry is configured.
/// </summary>
/// <param name="cloud">The local cloud: its embedded cloud boots the instances, its image "bakes in" the pool.</param>
/// <param name="launch">Where to start the instances.</param>
/// <param name="timeout">How long the whole pool may take to configure.</param>
public sealed class DynamicPoolScenario(LocalCloud cloud, SampleLaunch launch, TimeSpan timeout)
{
    private readonly ConfigProvisioner _provisioner = cloud.Provisioner;

    /// <summary>Runs it.</summary>
    /// <param name="count">How many entries and instances.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>Who got what; throws with a readable message unless every entry was claimed exactly once and configured.</returns>
    public async Task<DynamicPoolResult> RunAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var pool = $"samples-{Guid.NewGuid():N}"[..16];
        var credential = Secret.Generate();
        var configurations = Enumerable.Range(0, count)
            .Select(slot => SampleConfigurations.ForRole(
                SampleConfigurations.Roles[slot % SampleConfigurations.Roles.Count],
                extra: new Dictionary<string, string> { ["slot"] = slot.ToString(CultureInfo.InvariantCulture) }))
            .ToList();

        var started = Stopwatch.GetTimestamp();
        var registration = await _provisioner.RegisterDynamicPoolAsync(pool, configurations, credential, cancellationToken).ConfigureAwait(false);
        cloud.Agents.BakedInPool = new DynamicPoolAccess(cloud.RendezvousAddress, pool, credential);
        var instances = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            _provisioner.LaunchForPoolAsync(launch.ToRequest($"{pool}-{i}"), cancellationToken))).ConfigureAwait(false);
        var entries = await WatchUntilConfiguredAsync(pool, count, cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var instanceByAddress = instances.ToDictionary(LocalAgentLauncher.AddressOf, i => i.InstanceId, StringComparer.Ordinal);
        var claims = registration.Uuids.Select((uuid, slot) =>
        {
            var entry = entries[uuid];
            var instanceId = entry.Address is { } address && instanceByAddress.TryGetValue(address, out var id) ? id : "?";
            return new PoolClaim(new InstanceRow(uuid, instanceId, entry), instanceId, slot);
        }).ToList();
        Check(claims, count);
        return new DynamicPoolResult(pool, claims, elapsed);
    }

    private async Task<Dictionary<Guid, ConfigEntry>> WatchUntilConfiguredAsync(string pool, int count, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<Guid, ConfigEntry>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await foreach (var entry in _provisioner.WatchPoolAsync(pool, deadline.Token).ConfigureAwait(false))
            {
                latest[entry.Uuid] = entry;
                if (latest.Count == count && latest.Values.All(e => e.Status.State is InstanceState.Configured or InstanceState.Failed))
                {
                    return latest;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The deadline passed: reported below with what was seen.
        }

        throw new TimeoutException(
            $"After {timeout.TotalSeconds:0} s, {latest.Count} of {count} pool entries were claimed and "
            + $"{latest.Values.Count(e => e.Status.State == InstanceState.Configured)} configured.");
    }

    private static void Check(IReadOnlyList<PoolClaim> claims, int count)
    {
        var problems = new List<string>();
        var failed = claims.Where(c => c.Entry.Entry.Status.State != InstanceState.Configured).ToList();
        if (failed.Count > 0)
        {
            problems.Add($"{failed.Count} entries did not configure (first: slot {failed[0].Slot}, {failed[0].Entry.Entry.Status.State}).");
        }

        var unknown = claims.Count(c => c.InstanceId == "?");
        if (unknown > 0)
        {
            problems.Add($"{unknown} entries were claimed by no instance this run started.");
        }

        var claimedTwice = claims.Where(c => c.InstanceId != "?").GroupBy(c => c.InstanceId, StringComparer.Ordinal).Count(g => g.Count() > 1);
        if (claimedTwice > 0)
        {
            problems.Add($"{claimedTwice} instances claimed more than one entry.");
        }

        var wrongSlot = claims.Count(c => !c.Entry.Entry.Parameters.TryGetValue("slot", out var slot) || slot.ToString() != c.Slot.ToString(CultureInfo.InvariantCulture));
        if (wrongSlot > 0)
        {
            problems.Add($"{wrongSlot} entries report another entry's configuration.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The pool of {count} was not claimed exactly once per entry: {string.Join(" ", problems)}");
        }
    }
}
