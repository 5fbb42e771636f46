using System.Diagnostics;
using System.Globalization;
using CloudConfig.Core;

namespace CloudConfig.Agent.Tests.Runs;

public sealed class RunTerminationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("4242 (sh) S 1 4242 4242 0 -1 4194560 1 2 3 4 5 6 7 8 20 0 1 0 987654 1000 100", 'S')]
    [InlineData("4242 (a (b) c) Z 1 4242 4242 0 -1 4194560 1 2 3 4 5 6 7 8 20 0 1 0 987654 1000 100", 'Z')]
    public void Parse_StatLine_ReadsGroupSessionAndStartEvenWhenTheNameHasSpacesAndParentheses(string line, char state)
    {
        var stat = ProcessStat.Parse(line);

        Assert.Equal(new ProcessStat(4242, state, 4242, 4242, 987654), stat);
        Assert.Equal(state == 'Z', stat!.Value.IsGone);
    }

    [Fact]
    public async Task EndAsync_RunWithABackgroundChild_EndsTheWholeSession()
    {
        using var leader = StartSession($"sleep 300 & echo $! > '{_temp.File("child")}'; sleep 300");
        var child = await ReadPidAsync("child");
        var record = new RunRecord("run", 1, leader.Id, ProcessStat.Read(leader.Id)!.Value.StartTicks);
        Assert.True(RunTermination.FindMembers(record).Count >= 2);

        var ended = await RunTermination.EndAsync(record, CancellationToken.None);

        Assert.True(ended);
        Assert.Empty(RunTermination.FindMembers(record));
        Assert.True(ProcessStat.Read(child) is null or { IsGone: true });
        await leader.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task FindMembers_PidNowHeldByAnotherProcess_FindsNothing()
    {
        using var leader = StartSession("sleep 300");
        var actual = ProcessStat.Read(leader.Id)!.Value;
        try
        {
            // The same pid with another start time: the recorded run is gone and the id reused.
            var record = new RunRecord("run", 1, leader.Id, actual.StartTicks + 1);

            Assert.Empty(RunTermination.FindMembers(record));
        }
        finally
        {
            leader.Kill(entireProcessTree: true);
            await leader.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task FindMembers_RecordedBeforeThePidWasKnown_FindsTheRunByItsIdInTheEnvironment()
    {
        var runId = Guid.NewGuid().ToString("N");
        using var run = StartSession("sleep 300", (RunTermination.RunIdVariable, runId));
        // dash may fork for the command rather than exec it, so the run is the shell, its sleep, or both.
        await WaitUntilAsync(() => RunTermination.FindMembers(new RunRecord(runId, 1)).Count >= 1);

        Assert.True(await RunTermination.EndAsync(new RunRecord(runId, 1), CancellationToken.None));
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Run_LeftoverRunRecorded_EndsItAndRemovesItsFilesBeforeApplying()
    {
        using var harness = new AgentHarness();
        var (_, _, bootString) = await harness.RegisterAsync("x");
        using var leftover = StartSession("sleep 300");
        var ledger = new RunLedger(harness.StateDirectory);
        await ledger.WriteAsync(new RunRecord("old", 1, leftover.Id, ProcessStat.Read(leftover.Id)!.Value.StartTicks), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(ledger.Directory, "parameters-1-old"), "k=v");
        var options = harness.Options(bootString, o => o.Command = "/bin/true");

        await harness.Agent(options).RunAsync();

        await leftover.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(Directory.GetFiles(ledger.Directory));
        Assert.Contains(harness.Logger.Entries, e => e.Id.Id == 18);
        Assert.Equal(InstanceState.Configured, (await harness.Rendezvous.NextReportAsync(InstanceState.Configured)).Status.State);
    }

    private static Process StartSession(string script, params (string Name, string Value)[] environment)
    {
        var startInfo = new ProcessStartInfo("/usr/bin/setsid") { ArgumentList = { "/bin/sh", "-c", script }, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return Process.Start(startInfo)!;
    }

    private async Task<int> ReadPidAsync(string name)
    {
        await WaitUntilAsync(() => File.Exists(_temp.File(name)) && new FileInfo(_temp.File(name)).Length > 0);
        return int.Parse((await File.ReadAllTextAsync(_temp.File(name))).Trim(), CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        }
    }
}
