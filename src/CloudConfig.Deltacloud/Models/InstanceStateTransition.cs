namespace CloudConfig.Deltacloud;

/// <summary>An edge of the instance state machine.</summary>
/// <param name="To">The state reached.</param>
/// <param name="Action">The action that causes it, or <see langword="null"/> for an automatic transition.</param>
/// <param name="IsAutomatic">Whether the cloud makes the transition by itself.</param>
public sealed record InstanceStateTransition(DeltacloudInstanceState To, string? Action, bool IsAutomatic);
