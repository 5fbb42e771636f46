namespace CloudConfig.Samples.Shared;

/// <summary>Where a many-instance run stands.</summary>
/// <param name="Total">Instances asked for.</param>
/// <param name="Launched">Registered and started.</param>
/// <param name="Configured">Reported configured.</param>
/// <param name="Failed">Failed to start or to configure.</param>
public sealed record ManyProgress(int Total, int Launched, int Configured, int Failed);
