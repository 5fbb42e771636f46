using CloudConfig.Core;

namespace CloudConfig.Agent.Tests;

/// <summary>Counts how often configurations reach the real applier it wraps.</summary>
internal sealed class CountingApplier(IConfigurationApplier inner) : IConfigurationApplier
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public List<long> Generations { get; } = [];

    public Task<ConfigurationApplyResult> ApplyAsync(InstanceConfiguration configuration, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _runs);
        lock (Generations)
        {
            Generations.Add(configuration.Generation);
        }

        return inner.ApplyAsync(configuration, cancellationToken);
    }
}
