using CloudConfig.Samples.Shared;
using CloudConfig.Testing;
using QuickStart;

return await SampleCommandLine.RunAsync(QuickStartArguments.CreateCommand(RunAsync), args);

// Whatever happens (success, a failure, Ctrl+C), everything this run started is ended before it exits.
static Task<int> RunAsync(QuickStartArguments arguments, CancellationToken interrupted) =>
    SampleSession.RunAsync(
        new LocalCloudOptions
        {
            // With --deltacloud-url, that cloud boots nothing: the agents are started by the launcher, in this process.
            EmbeddedCloud = arguments.DeltacloudUrl is null,
            ConfigureDeltacloud = arguments.DeltacloudUrl is null ? null : client =>
            {
                client.BaseUrl = arguments.DeltacloudUrl;
                client.Username = arguments.User;
                client.Password = arguments.Password;
            },
            ConfigureProvisioning = provisioning => provisioning.DefaultDomain = "samples",
        },
        async local =>
        {
            Report.Setting(local, arguments);
            if (arguments.Count is { } count)
            {
                var result = await ProgressDisplay.RunAsync(count, progress => new ManyScenario(local.Provisioner, arguments.Launch, arguments.Timeout).RunAsync(count, progress, interrupted));
                Report.Summary(result);
                return result.Failures.Count == 0 ? 0 : 1;
            }

            Report.QuickStart(await new QuickStartScenario(local.Provisioner, arguments.Launch, arguments.Timeout).RunAsync(interrupted));
            return 0;
        },
        // An agent that gave up explains a timeout better than the timeout does.
        (e, local) => Report.Failure(e, local?.Agents.Failures ?? []),
        interrupted);
