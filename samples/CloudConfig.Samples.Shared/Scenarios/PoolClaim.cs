namespace CloudConfig.Samples.Shared;

/// <summary>Who got what in a dynamic pool.</summary>
/// <param name="Entry">The pool entry, as configured by the instance that claimed it.</param>
/// <param name="InstanceId">The instance that claimed it (found by the address it reported).</param>
/// <param name="Slot">Which of the registered configurations this was (0-based).</param>
public sealed record PoolClaim(InstanceRow Entry, string InstanceId, int Slot);
