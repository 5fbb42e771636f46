namespace CloudConfig.Samples.Shared;

/// <summary>What the QuickStart scenario did.</summary>
/// <param name="Instances">The three instances once configured.</param>
/// <param name="ProvisionTime">From the first call to the last instance configured.</param>
/// <param name="Updated">The instance that received the configuration update, after it applied it.</param>
/// <param name="UpdateTime">From pushing the update to seeing it applied.</param>
public sealed record QuickStartResult(IReadOnlyList<InstanceRow> Instances, TimeSpan ProvisionTime, InstanceRow Updated, TimeSpan UpdateTime);
