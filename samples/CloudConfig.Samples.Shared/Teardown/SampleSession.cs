using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Samples.Shared;

/// <summary>
/// One run of a sample: the local cloud, the app's services and the teardown that remembers what the run started.
/// <see cref="EndAsync"/> ends all of it; the samples call it whatever happened (success, failure, Ctrl+C).
/// </summary>
public sealed class SampleSession
{
    private SampleSession(LocalCloud local, ServiceProvider services)
    {
        Local = local;
        Services = services;
        Teardown = SampleTeardown.For(services);
    }

    /// <summary>The local cloud.</summary>
    public LocalCloud Local { get; }

    /// <summary>The app's services.</summary>
    public ServiceProvider Services { get; }

    /// <summary>What the run started, to end.</summary>
    public SampleTeardown Teardown { get; }

    /// <summary>Starts the local cloud and the app's services; on failure, stops what it started.</summary>
    /// <param name="options">What to start.</param>
    /// <param name="createServices">Makes the app's services over the local cloud.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The session.</returns>
    public static async Task<SampleSession> StartAsync(LocalCloudOptions options, Func<LocalCloud, ServiceProvider> createServices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(createServices);
        var local = await LocalCloud.StartAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            return new SampleSession(local, createServices(local));
        }
        catch
        {
            await local.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs a sample's body in a session and, whatever happens (success, a failure, Ctrl+C), ends what it started and
    /// prints that before returning the exit code: the body's own, 1 after a failure (or when something could not be
    /// ended), <see cref="SampleCommandLine.Interrupted"/> after Ctrl+C.
    /// </summary>
    /// <param name="options">What to start.</param>
    /// <param name="createServices">Makes the app's services over the local cloud.</param>
    /// <param name="body">The sample itself; returns its exit code.</param>
    /// <param name="reportFailure">Prints a failure, with the session when it had started.</param>
    /// <param name="interrupted">Cancelled by Ctrl+C or SIGTERM.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        LocalCloudOptions options,
        Func<LocalCloud, ServiceProvider> createServices,
        Func<SampleSession, Task<int>> body,
        Action<Exception, SampleSession?> reportFailure,
        CancellationToken interrupted)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(reportFailure);
        SampleSession? session = null;
        int exitCode;
        try
        {
            session = await StartAsync(options, createServices, interrupted).ConfigureAwait(false);
            exitCode = await body(session).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever went wrong, the user gets one readable line and a non-zero exit code.
        catch (Exception) when (interrupted.IsCancellationRequested)
        {
            exitCode = SampleCommandLine.Interrupted;
        }
        catch (Exception e)
#pragma warning restore CA1031
        {
            reportFailure(e, session);
            exitCode = 1;
        }

        if (session is not null)
        {
            var cleanup = await session.EndAsync().ConfigureAwait(false);
            cleanup.Write();
            exitCode = cleanup.Clean ? exitCode : Math.Max(exitCode, 1);
        }

        return exitCode;
    }

    /// <summary>Ends every instance and entry the run started, then stops the services and the local cloud.</summary>
    /// <returns>What was ended and what was not.</returns>
    public async Task<TeardownReport> EndAsync()
    {
        try
        {
            return await Teardown.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            await Services.DisposeAsync().ConfigureAwait(false);
            await Local.DisposeAsync().ConfigureAwait(false);
        }
    }
}
