using System.CommandLine;
using CloudConfig.Samples.Shared;
using Federation;

var count = SampleCommandLine.WholeNumber("--count", "How many instances to provision into each cloud before the cut, and again during it (default 3).", 1, 100);
var outage = SampleCommandLine.WholeNumber("--outage", "How long the link to cloud-b stays cut, in seconds (default 8).", 1, 600, "SECONDS");
var command = new RootCommand(
    "Deployment \"a\" on this machine: an on-premises app and nats-server feed two clouds over links it dials out; the link to one "
    + "cloud is cut for a while and restored, and nothing is lost. Needs nats-server (Debian package nats-server). "
    + "Exit codes: 0 nothing lost, 1 failed or something lost, 2 usage error, 130 interrupted.")
{
    count, outage,
};
command.SetAction((parse, interrupted) => RunAsync(parse.GetValue(count) ?? 3, TimeSpan.FromSeconds(parse.GetValue(outage) ?? 8), interrupted));
return await SampleCommandLine.RunAsync(command, args);

// Whatever happens (success, a failure, Ctrl+C), every instance and entry it started is ended, then every process.
static async Task<int> RunAsync(int count, TimeSpan outage, CancellationToken interrupted)
{
    FederatedSites? sites = null;
    int exitCode;
    try
    {
        sites = await FederatedSites.StartAsync(interrupted);
        Report.Setting(sites);
        var result = await new FederationScenario(sites, count, outage, timeout: TimeSpan.FromSeconds(60) + outage).RunAsync("cloud-b", interrupted);
        Report.Instances(result);
        exitCode = result.Lost == 0 ? 0 : 1;
    }
#pragma warning disable CA1031 // Whatever went wrong, the user gets one readable line and a non-zero exit code.
    catch (Exception) when (interrupted.IsCancellationRequested)
    {
        exitCode = SampleCommandLine.Interrupted;
    }
    catch (Exception e)
#pragma warning restore CA1031
    {
        Report.Failure(e);
        exitCode = 1;
    }

    if (sites is not null)
    {
        var cleanup = await sites.EndAsync();
        TeardownPrinter.Write(cleanup);
        await sites.DisposeAsync();
        exitCode = cleanup.Clean ? exitCode : Math.Max(exitCode, 1);
    }

    return exitCode;
}
