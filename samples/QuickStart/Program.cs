using CloudConfig.Core;
using CloudConfig.Samples.Shared;
using Microsoft.Extensions.DependencyInjection;
using QuickStart;

return await SampleCommandLine.RunAsync(QuickStartArguments.CreateCommand(RunAsync), args);

// Whatever happens (success, a failure, Ctrl+C), everything this run started is ended before it exits.
static async Task<int> RunAsync(QuickStartArguments arguments, CancellationToken interrupted)
{
    SampleSession? session = null;
    int exitCode;
    try
    {
        var realCloud = arguments.DeltacloudUrl is not null;
        session = await SampleSession.StartAsync(
            new LocalCloudOptions { EmbeddedCloud = !realCloud },
            local => local.CreateAppServices(
                realCloud
                    ? client =>
                    {
                        client.BaseUrl = arguments.DeltacloudUrl;
                        client.Username = arguments.User;
                        client.Password = arguments.Password;
                    }
                    : null,
                runAgentsLocally: realCloud),
            interrupted);
        var provisioner = session.Services.GetRequiredService<ConfigProvisioner>();
        Report.Setting(session.Local, arguments);

        if (arguments.Count is { } count)
        {
            var result = await ProgressDisplay.RunAsync(count, progress => new ManyScenario(provisioner, arguments.Launch, arguments.Timeout, session.Teardown).RunAsync(count, progress, interrupted));
            Report.Summary(result);
            exitCode = result.Failures.Count == 0 ? 0 : 1;
        }
        else
        {
            Report.QuickStart(await new QuickStartScenario(provisioner, arguments.Launch, arguments.Timeout, session.Teardown).RunAsync(interrupted));
            exitCode = 0;
        }
    }
#pragma warning disable CA1031 // Whatever went wrong, the user gets one readable line and a non-zero exit code.
    catch (Exception) when (interrupted.IsCancellationRequested)
    {
        exitCode = SampleCommandLine.Interrupted;
    }
    catch (Exception e)
#pragma warning restore CA1031
    {
        // An agent that gave up explains a timeout better than the timeout does.
        Report.Failure(e, session?.Local.Agents.Failures ?? []);
        exitCode = 1;
    }

    if (session is not null)
    {
        var cleanup = await session.EndAsync();
        cleanup.Write();
        exitCode = cleanup.Clean ? exitCode : Math.Max(exitCode, 1);
    }

    return exitCode;
}
