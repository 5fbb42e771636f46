namespace CloudConfig.Core;

/// <summary>How far a batch of provisions has come, reported after each one finishes.</summary>
/// <param name="Completed">How many have finished, successfully or not.</param>
/// <param name="Failed">How many of those failed.</param>
/// <param name="Total">How many there are in all.</param>
/// <param name="Latest">The one that just finished.</param>
public sealed record ProvisionProgress(int Completed, int Failed, int Total, ProvisionResult Latest);
