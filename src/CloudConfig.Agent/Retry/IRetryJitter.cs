namespace CloudConfig.Agent;

/// <summary>The randomness behind retry jitter, replaceable so tests can fix it.</summary>
internal interface IRetryJitter
{
    /// <summary>A value in [0, 1).</summary>
    double Next();
}
