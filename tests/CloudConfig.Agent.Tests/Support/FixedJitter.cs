namespace CloudConfig.Agent.Tests;

internal sealed class FixedJitter(double value) : IRetryJitter
{
    public double Next() => value;
}
