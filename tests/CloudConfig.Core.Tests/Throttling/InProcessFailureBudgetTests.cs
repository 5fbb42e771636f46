using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Core.Tests.Throttling;

public sealed class InProcessFailureBudgetTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task TryStartAttempt_SixtyFourAtOnceAgainstABudgetOfTwenty_AdmitsTwentyAndTheRestAreBusy()
    {
        var budget = new InProcessFailureBudget();
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await budget.TryStartAttemptAsync("address:203.0.113.9", 20, Window);
        })).ToArray();
        start.Set();
        var outcomes = (await Task.WhenAll(attempts)).Select(a => a.Outcome).ToList();

        Assert.Equal(20, outcomes.Count(o => o == FailureAttemptOutcome.Admitted));
        Assert.Equal(44, outcomes.Count(o => o == FailureAttemptOutcome.Busy));
    }

    [Fact]
    public async Task EndAttempt_FailuresFillTheBudget_SpentUntilTheWindowCloses()
    {
        var time = new FakeTimeProvider();
        var budget = new InProcessFailureBudget(time);
        for (var i = 0; i < 3; i++)
        {
            await budget.EndAttemptAsync(await budget.TryStartAttemptAsync("k", 3, Window), failed: true);
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var spent = await budget.TryStartAttemptAsync("k", 3, Window);
        time.Advance(TimeSpan.FromSeconds(30));
        var afterWindow = await budget.TryStartAttemptAsync("k", 3, Window);

        Assert.Equal(new FailureAttempt(FailureAttemptOutcome.Spent, "k", Window, TimeSpan.FromSeconds(30)), spent);
        Assert.True(afterWindow.IsAdmitted);
    }

    [Fact]
    public async Task EndAttempt_SuccessesNeverSpendTheBudget()
    {
        var budget = new InProcessFailureBudget();
        for (var i = 0; i < 1_000; i++)
        {
            var attempt = await budget.TryStartAttemptAsync("k", 2, Window);
            Assert.True(attempt.IsAdmitted);
            await budget.EndAttemptAsync(attempt, failed: false);
        }
    }

    [Fact]
    public async Task CountFailure_SixtyFourConcurrentFailures_CountsEveryOne()
    {
        var budget = new InProcessFailureBudget();
        using var start = new ManualResetEventSlim();

        var counts = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return (await budget.CountFailureAsync("entry:x", Window)).Count;
        })).ToArray();
        start.Set();

        Assert.Equal(Enumerable.Range(1, 64).Select(i => (long)i), (await Task.WhenAll(counts)).Order());
    }

    [Fact]
    public async Task CountFailure_FloodOfRandomKeys_HoldsAtMostMaxKeysPlusTheOverflowAndForgetsThemAfterTheWindow()
    {
        var time = new FakeTimeProvider();
        var budget = new InProcessFailureBudget(time, maxKeys: 1_000);

        for (var i = 0; i < 20_000; i++)
        {
            Assert.True((await budget.CountFailureAsync("entry:" + Guid.NewGuid(), Window)).Count > 0);
        }

        var heldDuringFlood = budget.Count;
        time.Advance(Window);
        await budget.CountFailureAsync("entry:after-the-flood", Window);

        Assert.InRange(heldDuringFlood, 1_000, 1_000 + 256);
        Assert.Equal(1, budget.Count);
    }

    [Fact]
    public async Task EndAttempt_OfAnAttemptGroupedIntoTheOverflow_EndsItThere()
    {
        var budget = new InProcessFailureBudget(maxKeys: 1);
        await budget.CountFailureAsync("first", Window);

        var grouped = await budget.TryStartAttemptAsync("second", 1, Window);
        var meanwhile = await budget.TryStartAttemptAsync("second", 1, Window);
        await budget.EndAttemptAsync(grouped, failed: false);
        var after = await budget.TryStartAttemptAsync("second", 1, Window);

        Assert.NotEqual("second", grouped.Key);
        Assert.Equal(FailureAttemptOutcome.Busy, meanwhile.Outcome);
        Assert.True(after.IsAdmitted);
    }
}
