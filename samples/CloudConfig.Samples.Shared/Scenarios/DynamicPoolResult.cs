namespace CloudConfig.Samples.Shared;

/// <summary>What the dynamic pool scenario did.</summary>
/// <param name="Pool">The pool's name.</param>
/// <param name="Claims">Every entry, in registration order, with the instance that claimed it.</param>
/// <param name="Elapsed">From registering the pool to the last entry configured.</param>
public sealed record DynamicPoolResult(string Pool, IReadOnlyList<PoolClaim> Claims, TimeSpan Elapsed);
