using System.Net;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud.Embedded.Tests;

public sealed class StopHookTests
{
    [Fact]
    public async Task Stop_RunsTheStopHookWithTheStoppedInstance_RebootDoesNot()
    {
        var stopped = new TaskCompletionSource<EmbeddedInstance>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await using var cloud = await TestCloud.StartAsync(o =>
        {
            o.PendingDuration = TimeSpan.Zero;
            o.StopHook = (instance, _) =>
            {
                Interlocked.Increment(ref calls);
                stopped.TrySetResult(instance);
                return Task.CompletedTask;
            };
        });
        using var client = TestCloud.Client(cloud);
        using var created = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1"), ("name", "web")));
        var id = Assert.Single(cloud.Instances).Id;

        using var reboot = await client.PostAsync(new Uri($"/api/instances/{id}/reboot", UriKind.Relative), null);
        using var stop = await client.PostAsync(new Uri($"/api/instances/{id}/stop", UriKind.Relative), null);
        var instance = await stopped.Task.WaitAsync(TestCloud.SignalTimeout);
        using var destroy = await client.DeleteAsync(new Uri($"/api/instances/{id}", UriKind.Relative));
        await cloud.DisposeAsync();

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.NoContent), (reboot.StatusCode, stop.StatusCode, destroy.StatusCode));
        Assert.Equal((id, "web", EmbeddedInstanceState.Stopped), (instance.Id, instance.Name, instance.State));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Stop_HookThrows_IsLoggedAndTheStopStillSucceeds()
    {
        var logs = new ListLoggerProvider();
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cloud = await TestCloud.StartAsync(o =>
        {
            o.PendingDuration = TimeSpan.Zero;
            o.LoggerFactory = logs;
            o.StopHook = (_, _) =>
            {
                failed.TrySetResult();
                throw new InvalidOperationException("stop hook broke");
            };
        });
        using var client = TestCloud.Client(cloud);
        using var created = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1")));
        var id = Assert.Single(cloud.Instances).Id;

        using var stop = await client.PostAsync(new Uri($"/api/instances/{id}/stop", UriKind.Relative), null);
        await failed.Task.WaitAsync(TestCloud.SignalTimeout);
        await cloud.DisposeAsync();

        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("stop hook failed", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }
}
