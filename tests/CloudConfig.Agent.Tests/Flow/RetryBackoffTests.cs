namespace CloudConfig.Agent.Tests.Flow;

public sealed class RetryBackoffTests
{
    [Fact]
    public void DelayForRound_NoJitter_DoublesFromInitialUpToTheCap()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(64), 0.2, new FixedJitter(0));

        var delays = Enumerable.Range(1, 9).Select(backoff.DelayForRound).Select(d => d.TotalSeconds);

        Assert.Equal([2, 4, 8, 16, 32, 64, 64, 64, 64], delays);
    }

    [Fact]
    public void DelayForRound_Jitter_ShortensButNeverLengthens()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(64), 0.2, new FixedJitter(0.5));

        Assert.Equal(TimeSpan.FromSeconds(1.8), backoff.DelayForRound(1));
        Assert.Equal(TimeSpan.FromSeconds(57.6), backoff.DelayForRound(40));
    }

    [Fact]
    public void CryptoJitter_Next_StaysInTheUnitInterval()
    {
        var values = Enumerable.Range(0, 1000).Select(_ => CryptoRetryJitter.Instance.Next()).ToList();

        Assert.All(values, v => Assert.InRange(v, 0, 1 - double.Epsilon));
        Assert.True(values.Distinct().Count() > 900);
    }
}
