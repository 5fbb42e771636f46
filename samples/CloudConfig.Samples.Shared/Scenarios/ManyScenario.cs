using System.Collections.Concurrent;
using System.Diagnostics;
using CloudConfig.Core;

namespace CloudConfig.Samples.Shared;

/// <summary>
/// N instances at once through <see cref="ConfigProvisioner.ProvisionManyAsync"/>, roles in turn; each started
/// instance is waited on as soon as it is started, so configuring overlaps the remaining launches.
/// </summary>
/// <param name="provisioner">The provisioner (cache + launcher).</param>
/// <param name="launch">Where to start the instances.</param>
/// <param name="timeout">How long each instance may take to configure once started.</param>
public sealed class ManyScenario(ConfigProvisioner provisioner, SampleLaunch launch, TimeSpan timeout)
{
    /// <summary>Runs it.</summary>
    /// <param name="count">How many instances.</param>
    /// <param name="progress">Told after every launch and every configured or failed instance.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What happened; failures of single instances are in the result, not thrown.</returns>
    public async Task<ManyResult> RunAsync(int count, IProgress<ManyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var requests = Enumerable.Range(0, count)
            .Select(i => new ProvisionRequest(launch.ToRequest(), SampleConfigurations.ForRole(SampleConfigurations.Roles[i % SampleConfigurations.Roles.Count])))
            .ToList();
        var tracker = new Tracker(count, progress);
        var waits = new ConcurrentBag<Task<InstanceRow?>>();
        var started = Stopwatch.GetTimestamp();
        var results = await provisioner.ProvisionManyAsync(
            requests,
            progress: new SynchronousProgress(p =>
            {
                tracker.Launched(p.Latest);
                if (p.Latest.Instance is { } instance)
                {
                    waits.Add(WaitAsync(instance, tracker, cancellationToken));
                }
            }),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var configured = await Task.WhenAll(waits).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var failures = results.Where(r => r.Error is not null).Select(r => $"request {r.Index}: {r.Error!.Message}").Concat(tracker.Failures).ToList();
        return new ManyResult(count, [.. configured.OfType<InstanceRow>().OrderBy(r => r.InstanceId.Length).ThenBy(r => r.InstanceId, StringComparer.Ordinal)], failures, results, elapsed);
    }

    private async Task<InstanceRow?> WaitAsync(ProvisionedInstance instance, Tracker tracker, CancellationToken cancellationToken)
    {
        try
        {
            var entry = await provisioner.WaitUntilConfiguredAsync(instance.Uuid, timeout, cancellationToken).ConfigureAwait(false);
            tracker.Configured();
            return new InstanceRow(instance.Uuid, instance.InstanceId, entry);
        }
        catch (CloudConfigException e)
        {
            tracker.ConfigureFailed($"{instance.InstanceId} ({instance.Uuid}): {e.Message}");
            return null;
        }
    }

    // Progress<T> would post to the thread pool; the waits must start right away, in order.
    private sealed class SynchronousProgress(Action<ProvisionProgress> report) : IProgress<ProvisionProgress>
    {
        public void Report(ProvisionProgress value) => report(value);
    }

    private sealed class Tracker(int total, IProgress<ManyProgress>? progress)
    {
        private readonly ConcurrentQueue<string> _failures = new();
        private int _launched;
        private int _configured;
        private int _failed;

        public IEnumerable<string> Failures => _failures;

        public void Launched(ProvisionResult result)
        {
            if (result.Succeeded)
            {
                Interlocked.Increment(ref _launched);
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }

            Report();
        }

        public void Configured()
        {
            Interlocked.Increment(ref _configured);
            Report();
        }

        public void ConfigureFailed(string failure)
        {
            _failures.Enqueue(failure);
            Interlocked.Increment(ref _failed);
            Report();
        }

        private void Report() =>
            progress?.Report(new ManyProgress(total, Volatile.Read(ref _launched), Volatile.Read(ref _configured), Volatile.Read(ref _failed)));
    }
}
