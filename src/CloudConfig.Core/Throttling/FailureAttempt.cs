namespace CloudConfig.Core;

/// <summary>The answer of <see cref="IFailureBudget.TryStartAttemptAsync"/>; an admitted one is handed back to end it.</summary>
/// <param name="Outcome">Whether the attempt was admitted.</param>
/// <param name="Key">The key the attempt is counted under: the one asked for, or one the store groups it into.</param>
/// <param name="Window">The window a failure of this attempt opens.</param>
/// <param name="RetryAfter">For a spent budget, how long until its window closes.</param>
public sealed record FailureAttempt(FailureAttemptOutcome Outcome, string Key, TimeSpan Window, TimeSpan RetryAfter = default)
{
    /// <summary>Whether the attempt may go on to its check.</summary>
    public bool IsAdmitted => Outcome == FailureAttemptOutcome.Admitted;
}
