using CloudConfig.Core;
using CloudConfig.Samples.Shared;
using Microsoft.Extensions.DependencyInjection;
using QuickStart;

return await SampleCommandLine.RunAsync(QuickStartArguments.CreateCommand(RunAsync), args);

// Whatever happens (success, a failure, Ctrl+C), everything this run started is ended before it exits.
static Task<int> RunAsync(QuickStartArguments arguments, CancellationToken interrupted)
{
    var realCloud = arguments.DeltacloudUrl is not null;
    return SampleSession.RunAsync(
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
        async session =>
        {
            var provisioner = session.Services.GetRequiredService<ConfigProvisioner>();
            Report.Setting(session.Local, arguments);
            if (arguments.Count is { } count)
            {
                var result = await ProgressDisplay.RunAsync(count, progress => new ManyScenario(provisioner, arguments.Launch, arguments.Timeout, session.Teardown).RunAsync(count, progress, interrupted));
                Report.Summary(result);
                return result.Failures.Count == 0 ? 0 : 1;
            }

            Report.QuickStart(await new QuickStartScenario(provisioner, arguments.Launch, arguments.Timeout, session.Teardown).RunAsync(interrupted));
            return 0;
        },
        // An agent that gave up explains a timeout better than the timeout does.
        (e, session) => Report.Failure(e, session?.Local.Agents.Failures ?? []),
        interrupted);
}
