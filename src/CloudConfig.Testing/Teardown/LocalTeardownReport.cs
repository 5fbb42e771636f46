namespace CloudConfig.Testing;

/// <summary>What <see cref="LocalCloud.EndAllAsync"/> ended, and what it could not.</summary>
/// <param name="InstancesTerminated">Instances terminated (an instance the cloud no longer knew counts too).</param>
/// <param name="EntriesRemoved">Entries removed from the fleet's cache.</param>
/// <param name="Failures">What could not be ended, one readable line each; empty when everything is gone.</param>
public sealed record LocalTeardownReport(int InstancesTerminated, int EntriesRemoved, IReadOnlyList<string> Failures)
{
    /// <summary>Whether everything the fleet started is gone.</summary>
    public bool Clean => Failures.Count == 0;
}
