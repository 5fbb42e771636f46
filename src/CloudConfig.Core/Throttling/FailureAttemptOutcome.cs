namespace CloudConfig.Core;

/// <summary>What <see cref="IFailureBudget.TryStartAttemptAsync"/> decided.</summary>
public enum FailureAttemptOutcome
{
    /// <summary>The attempt may be checked; end it with <see cref="IFailureBudget.EndAttemptAsync"/>.</summary>
    Admitted,

    /// <summary>Every slot the budget has left is held by attempts still being checked; try again when one ends.</summary>
    Busy,

    /// <summary>The window's failures fill the budget: no attempt until it closes.</summary>
    Spent,
}
