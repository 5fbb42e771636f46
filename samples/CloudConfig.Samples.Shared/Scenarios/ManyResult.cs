using CloudConfig.Core;

namespace CloudConfig.Samples.Shared;

/// <summary>What a many-instance run did.</summary>
/// <param name="Total">Instances asked for.</param>
/// <param name="Configured">The instances that were started and reported configured.</param>
/// <param name="Failures">One readable line per instance that failed to start or to configure.</param>
/// <param name="Results">The provisioner's result for every request, in request order.</param>
/// <param name="Elapsed">From the call to the last instance configured or failed.</param>
public sealed record ManyResult(int Total, IReadOnlyList<InstanceRow> Configured, IReadOnlyList<string> Failures, IReadOnlyList<ProvisionResult> Results, TimeSpan Elapsed);
