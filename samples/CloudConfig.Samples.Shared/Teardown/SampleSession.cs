using CloudConfig.Testing;

namespace CloudConfig.Samples.Shared;

/// <summary>
/// One run of a sample over a <see cref="LocalCloud"/>: whatever happens (success, a failure, Ctrl+C), everything the
/// run started is ended and that is printed before the sample exits.
/// </summary>
public static class SampleSession
{
    /// <summary>
    /// Runs a sample's body over a local cloud, then ends what it started and prints that before returning the exit
    /// code: the body's own, 1 after a failure (or when something could not be ended),
    /// <see cref="SampleCommandLine.Interrupted"/> after Ctrl+C.
    /// </summary>
    /// <param name="options">What to start.</param>
    /// <param name="body">The sample itself; returns its exit code.</param>
    /// <param name="reportFailure">Prints a failure, with the local cloud when it had started.</param>
    /// <param name="interrupted">Cancelled by Ctrl+C or SIGTERM.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        LocalCloudOptions options,
        Func<LocalCloud, Task<int>> body,
        Action<Exception, LocalCloud?> reportFailure,
        CancellationToken interrupted)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(reportFailure);
        LocalCloud? local = null;
        int exitCode;
        try
        {
            local = await LocalCloud.StartAsync(options, interrupted).ConfigureAwait(false);
            exitCode = await body(local).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever went wrong, the user gets one readable line and a non-zero exit code.
        catch (Exception) when (interrupted.IsCancellationRequested)
        {
            exitCode = SampleCommandLine.Interrupted;
        }
        catch (Exception e)
#pragma warning restore CA1031
        {
            reportFailure(e, local);
            exitCode = 1;
        }

        if (local is not null)
        {
            var cleanup = await local.EndAllAsync().ConfigureAwait(false);
            TeardownPrinter.Write(cleanup);
            exitCode = cleanup.Clean ? exitCode : Math.Max(exitCode, 1);
            try
            {
                await local.DisposeAsync().ConfigureAwait(false);
            }
            catch (LocalTeardownException)
            {
                // Already printed above: the dispose's own teardown found the same things left behind.
                exitCode = Math.Max(exitCode, 1);
            }
        }

        return exitCode;
    }
}
