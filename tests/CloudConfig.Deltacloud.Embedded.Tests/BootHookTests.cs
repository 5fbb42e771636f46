using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud.Embedded.Tests;

public sealed class BootHookTests
{
    [Fact]
    public async Task Create_UserDataWithBase64SpecialCharactersAndNonAscii_HookReceivesItDecodedExactly()
    {
        // Chosen so its base64 holds '+', '/' and '=' (asserted below), plus non-ASCII text.
        const string userData = "boot 6f1c:[::1]:8443:Zz-_sécret ✓ ü>>?~~~\n";
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(userData));
        Assert.Contains('+', encoded);
        Assert.Contains('/', encoded);
        Assert.Contains('=', encoded);
        var received = new TaskCompletionSource<EmbeddedInstance>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cloud = await TestCloud.StartAsync(o => o.BootHook = (instance, _) =>
        {
            received.TrySetResult(instance);
            return Task.CompletedTask;
        });
        using var client = TestCloud.Client(cloud);

        using var response = await client.PostAsync(
            new Uri("/api/instances", UriKind.Relative),
            TestCloud.Form(("image_id", "img1"), ("name", "hooked"), ("user_data", encoded)));
        var instance = await received.Task.WaitAsync(TestCloud.SignalTimeout);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(userData, instance.UserData);
        Assert.Equal(Encoding.UTF8.GetBytes(userData), instance.UserDataBytes.ToArray());
        Assert.Equal("hooked", instance.Name);
        Assert.EndsWith("/api/instances/" + instance.Id, response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutUserData_HookReceivesNullUserData()
    {
        var received = new TaskCompletionSource<EmbeddedInstance>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cloud = await TestCloud.StartAsync(o => o.BootHook = (instance, _) =>
        {
            received.TrySetResult(instance);
            return Task.CompletedTask;
        });
        using var client = TestCloud.Client(cloud);

        using var response = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img2")));
        var instance = await received.Task.WaitAsync(TestCloud.SignalTimeout);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null(instance.UserData);
        Assert.True(instance.UserDataBytes.IsEmpty);
    }

    [Fact]
    public async Task Create_HookStillRunning_ResponseDoesNotWaitForIt()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cloud = await TestCloud.StartAsync(o => o.BootHook = async (_, _) =>
        {
            started.TrySetResult();
            await release.Task;
        });
        using var client = TestCloud.Client(cloud);

        using var response = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1")));
        await started.Task.WaitAsync(TestCloud.SignalTimeout);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(release.Task.IsCompleted);
        release.SetResult();
    }

    [Fact]
    public async Task Create_HookThrows_FailureIsLoggedWithoutUserDataAndServerKeepsServing()
    {
        var logs = new ListLoggerProvider();
        var calls = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cloud = await TestCloud.StartAsync(o =>
        {
            o.LoggerFactory = logs;
            o.BootHook = (_, _) =>
            {
                if (Interlocked.Increment(ref calls) == 2)
                {
                    second.TrySetResult();
                }

                throw new InvalidOperationException("hook broke");
            };
        });
        using var client = TestCloud.Client(cloud);
        var secret = Convert.ToBase64String(Encoding.UTF8.GetBytes("uuid:127.0.0.1:very-secret"));

        using var first = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1"), ("user_data", secret)));
        using var next = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1"), ("user_data", secret)));
        await second.Task.WaitAsync(TestCloud.SignalTimeout);
        await cloud.DisposeAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var errors = logs.Entries.Where(e => e.Level == LogLevel.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.IsType<InvalidOperationException>(e.Exception));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("very-secret", StringComparison.Ordinal) || e.Message.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_HookThrowsWithoutALogger_FailureIsKeptInHookFailures()
    {
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cloud = await TestCloud.StartAsync(o =>
        {
            o.PendingDuration = TimeSpan.Zero;
            o.BootHook = (_, _) =>
            {
                ran.TrySetResult();
                throw new InvalidOperationException("agent could not start");
            };
            o.StopHook = (_, _) => Task.FromException(new IOException("agent did not stop"));
        });
        using var client = TestCloud.Client(cloud);

        using var created = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1")));
        var id = Assert.Single(cloud.Instances).Id;
        await ran.Task.WaitAsync(TestCloud.SignalTimeout);
        using var stopped = await client.PostAsync(new Uri($"/api/instances/{id}/stop", UriKind.Relative), null);
        await cloud.DisposeAsync(); // waits for every hook

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Accepted), (created.StatusCode, stopped.StatusCode));
        Assert.Collection(
            cloud.HookFailures,
            boot => Assert.Equal((EmbeddedHook.Boot, id, "agent could not start"), (boot.Hook, boot.InstanceId, boot.Exception.Message)),
            stop => Assert.Equal((EmbeddedHook.Stop, id, "agent did not stop"), (stop.Hook, stop.InstanceId, stop.Exception.Message)));
    }

    [Fact]
    public async Task DisposeAsync_HookWaitingOnItsToken_HookIsCancelledAndAwaited()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var observedCancellation = false;
        var cloud = await TestCloud.StartAsync(o => o.BootHook = async (_, cancellationToken) =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                observedCancellation = true;
                throw;
            }
        });
        using var client = TestCloud.Client(cloud);
        using var response = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1")));
        await started.Task.WaitAsync(TestCloud.SignalTimeout);

        await cloud.DisposeAsync().AsTask().WaitAsync(TestCloud.SignalTimeout);

        Assert.True(observedCancellation);
    }
}
