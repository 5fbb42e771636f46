namespace CloudConfig.Deltacloud;

/// <summary>A state of the driver's instance state machine with its outgoing transitions.</summary>
/// <param name="State">The state (the machine also has a pseudo-state <c>start</c>).</param>
/// <param name="Transitions">Where the instance can go from here.</param>
public sealed record InstanceStateDefinition(DeltacloudInstanceState State, IReadOnlyList<InstanceStateTransition> Transitions);
