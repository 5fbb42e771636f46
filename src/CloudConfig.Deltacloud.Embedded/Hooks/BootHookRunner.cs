using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud.Embedded;

// Runs the boot hook off the request path, one task per instance, so a slow hook delays neither the
// create response nor other instances' hooks. Failures are logged and swallowed: the server must stay up.
internal sealed partial class BootHookRunner(Func<EmbeddedInstance, CancellationToken, Task>? hook, ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Dispatch(EmbeddedInstance instance)
    {
        if (hook is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        var task = Task.Run(() => RunAsync(hook, instance));
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // The continuation may have run before the task was added.
        if (task.IsCompleted)
        {
            _running.TryRemove(task, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(Func<EmbeddedInstance, CancellationToken, Task> boot, EmbeddedInstance instance)
    {
        try
        {
            await boot(instance, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The cloud is shutting down; the hook was told to stop.
        }
#pragma warning disable CA1031 // A user's hook may throw anything; none of it may crash the server.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.HookFailed(logger, instance.Id, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The boot hook failed for instance {InstanceId}")]
        public static partial void HookFailed(ILogger logger, string instanceId, Exception exception);
    }
}
