using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud.Embedded;

// Runs the boot and stop hooks off the request path, one task per call, so a slow hook delays neither the
// response nor other instances' hooks. Failures never reach the client (the server must stay up, as a real cloud's
// does when a machine fails to boot): each is kept in Failures, which the cloud exposes, and logged.
internal sealed partial class BootHookRunner(
    Func<EmbeddedInstance, CancellationToken, Task>? boot,
    Func<EmbeddedInstance, CancellationToken, Task>? stop,
    ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly ConcurrentQueue<EmbeddedHookFailure> _failures = new();

    public IReadOnlyList<EmbeddedHookFailure> Failures => [.. _failures];

    public void Dispatch(EmbeddedInstance instance) => Run(boot, EmbeddedHook.Boot, instance);

    public void DispatchStop(EmbeddedInstance instance) => Run(stop, EmbeddedHook.Stop, instance);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Run(Func<EmbeddedInstance, CancellationToken, Task>? hook, EmbeddedHook kind, EmbeddedInstance instance)
    {
        if (hook is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        var task = Task.Run(() => RunAsync(hook, kind, instance));
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // The continuation may have run before the task was added.
        if (task.IsCompleted)
        {
            _running.TryRemove(task, out _);
        }
    }

    private async Task RunAsync(Func<EmbeddedInstance, CancellationToken, Task> hook, EmbeddedHook kind, EmbeddedInstance instance)
    {
        try
        {
            await hook(instance, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The cloud is shutting down; the hook was told to stop.
        }
#pragma warning disable CA1031 // A user's hook may throw anything; none of it may crash the server.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _failures.Enqueue(new EmbeddedHookFailure(kind, instance.Id, exception));
            Log.HookFailed(logger, kind == EmbeddedHook.Boot ? "boot" : "stop", instance.Id, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The {Kind} hook failed for instance {InstanceId}")]
        public static partial void HookFailed(ILogger logger, string kind, string instanceId, Exception exception);
    }
}
