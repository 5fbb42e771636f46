using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using CloudConfig.Samples.Shared;
using CloudConfig.Samples.Tests.Support;
using CloudConfig.Testing;

namespace CloudConfig.Samples.Tests;

/// <summary>Every sample ends what it started: after success, after a failure, after Ctrl+C; on the embedded cloud and on a Deltacloud like the mock driver.</summary>
public sealed class TeardownTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly string[] MockInstances = ["inst0", "inst1", "inst2", "inst3"];

    [Fact]
    public async Task QuickStart_OnADeltacloudLikeTheMockDriver_LeavesNoInstanceRunningAndNoEntry()
    {
        await using var cloud = await MockDriverCloudAsync();
        await using var local = await LocalCloud.StartAsync(On(cloud));

        var result = await new QuickStartScenario(local.Provisioner, new SampleLaunch(), Timeout).RunAsync();
        Assert.Equal(7, cloud.Instances.Count);
        var report = await local.EndAllAsync();

        Assert.Equal(3, result.Instances.Count);
        Assert.Equal((3, 3, true), (report.InstancesTerminated, report.EntriesRemoved, report.Clean));
        Assert.Equal("Cleaned up: 3 instances terminated, 3 entries removed.", TeardownPrinter.Summary(report));
        Assert.Equal(MockInstances, cloud.Instances.Select(i => i.Id).Order());
        Assert.Equal(0, local.Cache.Count);
        Assert.Equal(0, local.Agents.Running);
        Assert.Empty(local.Agents.Failures);
    }

    [Fact]
    public async Task QuickStart_OnTheEmbeddedCloud_ItsStopHookEndsTheAgentsToo()
    {
        await using var local = await LocalCloud.StartAsync();

        await new QuickStartScenario(local.Provisioner, new SampleLaunch(), Timeout).RunAsync();
        Assert.Equal(3, local.Agents.Running);
        var report = await local.EndAllAsync();

        Assert.True(report.Clean, string.Join("; ", report.Failures));
        Assert.Empty(local.Cloud!.Instances);
        Assert.Equal(0, local.Cache.Count);
        await WaitUntilAsync(() => local.Agents.Running == 0, "the agents to stop with their instances");
    }

    [Fact]
    public async Task QuickStart_InterruptedWhileACreateIsStillUnanswered_EndsThatInstanceToo()
    {
        // The third create makes its machine but holds the answer: the run is cancelled with that launch in flight.
        using var interrupted = new CancellationTokenSource();
        await using var cloud = await MockDriverCloudAsync(n => n == 3 ? EmbeddedCreateFault.RespondLate(TimeSpan.FromMinutes(10)) : EmbeddedCreateFault.None);
        await using var local = await LocalCloud.StartAsync(On(cloud));
        var run = new QuickStartScenario(local.Provisioner, new SampleLaunch(), Timeout).RunAsync(interrupted.Token);

        await WaitUntilAsync(() => cloud.Instances.Count == 7, "the three instances to exist");
        await interrupted.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => run);
        var report = await local.EndAllAsync();

        Assert.True(error is ProvisioningException or OperationCanceledException, error.ToString());
        Assert.True(report.Clean, string.Join("; ", report.Failures));
        // A launch that had returned may have been ended by the provisioner itself when it saw the cancellation; the
        // one whose answer never came can only be found by its name, here.
        Assert.InRange(report.InstancesTerminated, 1, 3);
        Assert.Equal(MockInstances, cloud.Instances.Select(i => i.Id).Order());
        Assert.Equal(0, local.Cache.Count);
        Assert.Equal(0, local.Agents.Running);
    }

    [Fact]
    public async Task DynamicPool_EndsThePoolsInstancesAndEntries()
    {
        await using var local = await LocalCloud.StartAsync();

        await new DynamicPoolScenario(local, new SampleLaunch(), Timeout).RunAsync(4);
        var report = await local.EndAllAsync();

        Assert.Equal((4, 4, true), (report.InstancesTerminated, report.EntriesRemoved, report.Clean));
        Assert.Empty(local.Cloud!.Instances);
        Assert.Equal(0, local.Cache.Count);
        await WaitUntilAsync(() => local.Agents.Running == 0, "the agents to stop with their instances");
    }

    [Fact]
    public async Task QuickStartProcess_WithDeltacloudUrl_TerminatesWhatItStartedBeforeItExits()
    {
        await using var cloud = await MockDriverCloudAsync();

        var run = await SampleProcess.RunAsync("QuickStart", "--deltacloud-url", cloud.ApiUrl.AbsoluteUri, "--user", cloud.Username, "--password", cloud.Password);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.All}");
        Assert.Contains("OK: every instance configured itself", run.Out, StringComparison.Ordinal);
        Assert.Contains("Cleaned up: 3 instances terminated, 3 entries removed.", run.Out, StringComparison.Ordinal);
        Assert.Equal(3, cloud.CreateAttempts);
        Assert.Equal(MockInstances, cloud.Instances.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task QuickStartProcess_CtrlCWhileACreateIsUnanswered_EndsEverythingAndExits130()
    {
        await using var cloud = await MockDriverCloudAsync(n => n == 3 ? EmbeddedCreateFault.RespondLate(TimeSpan.FromMinutes(10)) : EmbeddedCreateFault.None);
        using var sample = SampleProcess.Start("QuickStart", "--deltacloud-url", cloud.ApiUrl.AbsoluteUri, "--user", cloud.Username, "--password", cloud.Password);

        await WaitUntilAsync(() => cloud.Instances.Count == 7, "the three instances to exist");
        sample.Interrupt();
        var run = await sample.WaitAsync(SampleProcess.Deadline);

        Assert.True(run.ExitCode == 130, $"exit {run.ExitCode}:\n{run.All}");
        // The machine whose create was never answered is found by its name and ended, whatever else the provisioner ended itself.
        Assert.Matches(@"Cleaned up: [1-3] instances? terminated, [0-3] (entry|entries) removed\.", run.Out);
        Assert.Equal(MockInstances, cloud.Instances.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task DynamicPoolProcess_EndsThePoolBeforeItExits()
    {
        var run = await SampleProcess.RunAsync("DynamicPool", "--count", "3");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.All}");
        Assert.Contains("Cleaned up: 3 instances terminated, 3 entries removed.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeltacloudExplorerProcess_DestroysTheInstanceItStarted()
    {
        await using var cloud = await MockDriverCloudAsync();

        var run = await SampleProcess.RunAsync("DeltacloudExplorer", "--url", cloud.ApiUrl.AbsoluteUri, "--user", cloud.Username, "--password", cloud.Password, "--name", "explored");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.All}");
        var started = System.Text.RegularExpressions.Regex.Match(run.Out, @"Started (\S+) \(RUNNING\) named explored").Groups[1].Value;
        Assert.Contains($"Destroyed {started} ", run.Out, StringComparison.Ordinal);
        Assert.Equal(MockInstances, cloud.Instances.Select(i => i.Id).Order());
    }

    // Deltacloud 1.1.3's mock driver: four instances already there, new ones RUNNING at once, user_data not advertised, nothing boots.
    private static Task<EmbeddedDeltacloud> MockDriverCloudAsync(Func<int, EmbeddedCreateFault>? createFault = null) =>
        EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions
        {
            SeedMockInstances = true,
            PendingDuration = TimeSpan.Zero,
            AdvertiseUserData = false,
            CreateFault = createFault,
        });

    // What --deltacloud-url does: no embedded cloud in the local cloud, the agents started by the launcher.
    private static LocalCloudOptions On(EmbeddedDeltacloud cloud) => new()
    {
        EmbeddedCloud = false,
        ConfigureDeltacloud = client =>
        {
            client.BaseUrl = cloud.ApiUrl;
            client.Username = cloud.Username;
            client.Password = cloud.Password;
        },
    };

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Timeout)
            {
                throw new TimeoutException($"Waited {Timeout} for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
