using System.Diagnostics;

namespace CloudConfig.Cache.Nats.Tests;

/// <summary>Waits for a condition with a deadline, polling briefly; never a fixed sleep.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static Task TrueAsync(Func<bool> condition, string what) => TrueAsync(() => Task.FromResult(condition()), what);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < Deadline, $"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }
}
