using CloudConfig.Core;
using CloudConfig.Samples.Shared;
using Microsoft.Extensions.DependencyInjection;
using QuickStart;

var arguments = QuickStartArguments.Parse(args, out var errors);
if (arguments.ShowHelp || errors.Count > 0)
{
    foreach (var error in errors)
    {
        Console.Error.WriteLine(error);
    }

    (errors.Count > 0 ? Console.Error : Console.Out).WriteLine(QuickStartArguments.Usage);
    return errors.Count > 0 ? 2 : 0;
}

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

LocalCloud? local = null;
try
{
    var realCloud = arguments.DeltacloudUrl is not null;
    local = await LocalCloud.StartAsync(new LocalCloudOptions { EmbeddedCloud = !realCloud }, interrupted.Token);
    await using var services = local.CreateAppServices(
        realCloud
            ? client =>
            {
                client.BaseUrl = arguments.DeltacloudUrl;
                client.Username = arguments.User;
                client.Password = arguments.Password;
            }
            : null,
        runAgentsLocally: realCloud);
    var provisioner = services.GetRequiredService<ConfigProvisioner>();
    Report.Setting(local, arguments);

    if (arguments.Count is { } count)
    {
        var result = await ProgressDisplay.RunAsync(count, progress => new ManyScenario(provisioner, arguments.Launch, arguments.Timeout).RunAsync(count, progress, interrupted.Token));
        Report.Summary(result);
        return result.Failures.Count == 0 ? 0 : 1;
    }

    var quickStart = await new QuickStartScenario(provisioner, arguments.Launch, arguments.Timeout).RunAsync(interrupted.Token);
    Report.QuickStart(quickStart);
    return 0;
}
catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted.");
    return 130;
}
#pragma warning disable CA1031 // Whatever went wrong, the user gets one readable line and a non-zero exit code.
catch (Exception e)
#pragma warning restore CA1031
{
    // An agent that gave up explains a timeout better than the timeout does.
    Report.Failure(e, local?.Agents.Failures ?? []);
    return 1;
}
finally
{
    if (local is not null)
    {
        await local.DisposeAsync();
    }
}
