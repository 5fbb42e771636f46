namespace CloudConfig.Core;

/// <summary>The failures counted for one key of an <see cref="IFailureBudget"/>.</summary>
/// <param name="Count">How many failures its open window holds (zero when none is open).</param>
/// <param name="ResetsIn">How long until that window closes and the count starts again from zero.</param>
public readonly record struct FailureCount(long Count, TimeSpan ResetsIn)
{
    /// <summary>No failures.</summary>
    public static FailureCount None => default;
}
