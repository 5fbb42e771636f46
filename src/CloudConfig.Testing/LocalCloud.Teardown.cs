using System.Collections.Concurrent;
using System.Globalization;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudConfig.Testing;

public sealed partial class LocalCloud
{
    /// <summary>
    /// Ends everything the fleet started, the way a real app should before it exits: every entry left in
    /// <see cref="Cache"/> with its instance (<see cref="ConfigProvisioner.DeprovisionManyAsync"/>), then every other
    /// instance launched through <see cref="Services"/> and not terminated since (a pool's, say), including launches
    /// that failed or were cancelled in flight, looked up by their name since their machine may exist all the same.
    /// What is already gone is not an error. Disposing the fleet calls it too.
    /// </summary>
    /// <param name="cancellationToken">Cancels the teardown (what is left is listed as not ended).</param>
    /// <returns>What was ended and what was not.</returns>
    public async Task<LocalTeardownReport> EndAllAsync(CancellationToken cancellationToken = default)
    {
        var uuids = new List<Guid>();
        await foreach (var entry in Cache.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            uuids.Add(entry.Uuid);
        }

        var results = await Provisioner.DeprovisionManyAsync(uuids, cancellationToken: cancellationToken).ConfigureAwait(false);
        var failures = new ConcurrentQueue<string>(results.Where(r => !r.Succeeded)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Uuid}: {r.Error!.Message}")));
        var terminated = results.Sum(r => r.Instance?.TerminatedInstanceIds.Count ?? 0);

        // What the provisioner could not find from an entry: instances launched under names of their own, and launches
        // that never answered. An instance whose entry's teardown failed is listed once, with that failure.
        var launcher = Services.GetRequiredService<IInstanceLauncher>();
        var listed = results.Where(r => !r.Succeeded).Select(r => ConfigProvisioner.InstanceNameFor(r.Uuid)).ToHashSet(StringComparer.Ordinal);
        var ids = _ledger.Running.Where(i => i.Value is null || !listed.Contains(i.Value)).Select(i => i.Key).ToList();
        foreach (var name in _ledger.Unanswered.Where(n => !listed.Contains(n)))
        {
            try
            {
                ids.AddRange((await launcher.FindByNameAsync(name, cancellationToken).ConfigureAwait(false)).Select(i => i.InstanceId));
                _ledger.Found(name);
            }
#pragma warning disable CA1031 // Every failure is reported; the teardown goes on with the rest.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Enqueue($"instance '{name}' may still run: looking it up failed ({e.Message})");
            }
        }

        var parallelism = new ParallelOptions
        {
            MaxDegreeOfParallelism = Services.GetRequiredService<IOptions<ProvisioningOptions>>().Value.MaxParallelism,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(ids.Distinct(StringComparer.Ordinal), parallelism, async (id, token) =>
        {
            try
            {
                await launcher.TerminateAsync(id, token).ConfigureAwait(false);
                Interlocked.Increment(ref terminated);
            }
#pragma warning disable CA1031 // Every failure is reported; the teardown goes on with the rest.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Enqueue($"instance {id} may still run: {e.Message}");
            }
        }).ConfigureAwait(false);

        return new LocalTeardownReport(terminated, results.Count(r => r.Instance?.EntryRemoved == true), [.. failures]);
    }
}
