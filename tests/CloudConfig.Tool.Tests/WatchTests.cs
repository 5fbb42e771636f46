using CloudConfig.Core;

namespace CloudConfig.Tool.Tests;

public sealed class WatchTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Watch_ExitOnFailure_ExitsWith7WhenAnInstanceReportsAFailure()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (uuid, secret) = await server.RegisterAsync();
        var output = new LockedWriter();
        var error = new LockedWriter();

        var watch = ToolRun.RunAsync(server.Environment, false, output, error, CancellationToken.None,
            "entries", "watch", "--exit-on-failure", "--interval", "100ms");
        await output.WaitForAsync(text => text.Contains($"{uuid}\tregistered", StringComparison.Ordinal), Deadline);
        Assert.False(watch.IsCompleted);
        await server.ReportAsync(uuid, secret, new InstanceStatus(InstanceState.Failed, 3, "apt-get: no network", 1));

        var code = await watch.WaitAsync(Deadline);

        Assert.Equal(ExitCodes.EntryFailed, code);
        Assert.Equal($"cloudconfig: entry {uuid} failed (exit 3, generation 1): apt-get: no network", error.Text.TrimEnd());
        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("TIME\tUUID\tSTATE", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains($"\t{uuid}\tfailed\t1\t1\t3\t10.0.0.7\t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_UntilConfigured_ExitsWith0OnceTheWatchedEntryIsConfigured()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (uuid, secret) = await server.RegisterAsync();
        await server.RegisterAsync();
        var output = new LockedWriter();

        var watch = ToolRun.RunAsync(server.Environment, false, output, new LockedWriter(), CancellationToken.None,
            "entries", "watch", uuid.ToString(), "--until-configured", "--exit-on-failure", "--interval", "100ms");
        await output.WaitForAsync(text => text.Contains($"{uuid}\tregistered", StringComparison.Ordinal), Deadline);
        await server.ReportAsync(uuid, secret, new InstanceStatus(InstanceState.Configured, 0, "done", 1));

        Assert.Equal(ExitCodes.Success, await watch.WaitAsync(Deadline));
        // Only the named entry was watched; the other one never appears.
        Assert.Equal(3, output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Watch_UntilConfiguredWithATimeout_ExitsWith8WhenNothingConfigures()
    {
        await using var server = await ToolTestServer.StartAsync();
        await server.RegisterAsync();

        var run = await ToolRun.RunAsync(server.Environment, "entries", "watch", "--until-configured", "--timeout", "300ms", "--interval", "100ms");

        Assert.Equal(ExitCodes.TimedOut, run.ExitCode);
        Assert.Equal("cloudconfig: not every entry was configured within 300ms.", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Watch_AFailureOfAnOlderGeneration_DoesNotCountOnceANewerOneIsPending()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (uuid, secret) = await server.RegisterAsync();
        await server.ReportAsync(uuid, secret, new InstanceStatus(InstanceState.Failed, 1, "bad script", 1));
        await server.Cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("fixed", "text/x-shellscript"));

        var run = await ToolRun.RunAsync(server.Environment, "entries", "watch", "--exit-on-failure", "--timeout", "300ms", "--interval", "100ms");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"\t{uuid}\tfailed\t2\t1\t1\t", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_Plain_WritesALineOnlyWhenAnEntryChangesOrDisappears()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (uuid, _) = await server.RegisterAsync();
        var output = new LockedWriter();
        using var stop = new CancellationTokenSource();

        var watch = ToolRun.RunAsync(server.Environment, false, output, new LockedWriter(), stop.Token, "entries", "watch", "--interval", "100ms");
        await output.WaitForAsync(text => text.Contains($"{uuid}\tregistered", StringComparison.Ordinal), Deadline);
        await server.Cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("v2", "text/x-shellscript"));
        await output.WaitForAsync(text => text.Contains($"{uuid}\tregistered\t2", StringComparison.Ordinal), Deadline);
        await server.Cache.RemoveAsync(uuid);
        await output.WaitForAsync(text => text.Contains($"{uuid}\tremoved", StringComparison.Ordinal), Deadline);
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Interrupted, await watch.WaitAsync(Deadline));
        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task Watch_AUuidThatNamesNoEntry_ExitsNotFound()
    {
        await using var server = await ToolTestServer.StartAsync();
        var uuid = Guid.NewGuid();

        var run = await ToolRun.RunAsync(server.Environment, "entries", "watch", uuid.ToString(), "--interval", "100ms");

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Equal($"cloudconfig: no entry {uuid} on the server.", run.Error.TrimEnd());
    }
}
