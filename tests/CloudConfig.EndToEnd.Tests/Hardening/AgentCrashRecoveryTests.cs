using System.Globalization;
using System.Text.Json;
using CloudConfig.Core;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// A killed agent leaves no configuration run behind: kill -9 during a slow apply, restart on the same state, and the
/// orphaned run is ended (its whole process group) before the command runs again, exactly once to completion.
/// </summary>
public sealed class AgentCrashRecoveryTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("cloudconfig-e2e-crash-").FullName;
    private EndToEndServer _server = null!;
    private AppSide _app = null!;
    private Guid _uuid;
    private AgentLaunch _launch = null!;

    public async Task InitializeAsync()
    {
        _server = await EndToEndServer.StartAsync();
        _app = new AppSide(_server);
        (_uuid, var bootSecret) = await _app.PreRegisterAsync("role=web\n");
        _launch = new AgentLaunch { BootString = BootString.Create(_uuid, _server.Address, bootSecret).Format(), Script = Script, ExtraArguments = ["--once"] };
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private string Log => Path.Combine(_work, "runs.log");

    private string OldGroup => Path.Combine(_work, "old-group");

    private string FirstRunMarker => Path.Combine(_work, "first-run");

    private string Release => Path.Combine(_work, "release");

    /// <summary>
    /// Logs its start (with how many live processes the earlier run's group still has), then logs its end. The first
    /// run waits in a child process of its group until the test releases it (however slowly a busy machine starts the
    /// next agent); later runs only pause. A second run overlapping the first would log a non-zero count.
    /// </summary>
    private string Script => $$"""
        cat > /dev/null
        old=$(cat '{{OldGroup}}' 2>/dev/null || echo none)
        alive=$(cat /proc/[0-9]*/stat 2>/dev/null | awk -v g="$old" '$5 == g && $3 != "Z"' | wc -l)
        echo "start $$ overlapping=$alive" >> '{{Log}}'
        if mkdir '{{FirstRunMarker}}' 2>/dev/null; then
          for i in $(seq 1 1200); do [ -e '{{Release}}' ] && break; sleep 0.1; done
        else
          sleep 0.2
        fi
        echo "end $$" >> '{{Log}}'
        """;

    [Fact]
    public async Task Agent_KilledDuringApply_RestartEndsTheOrphanedRunThenRunsTheCommandOnceToCompletion()
    {
        await using var first = await StartApplyingAsync();
        var record = await RunRecordAsync(first.StateDirectory);
        await File.WriteAllTextAsync(OldGroup, record.Group.ToString(CultureInfo.InvariantCulture));

        await first.KillAsync();
        Assert.NotEmpty(LiveMembers(record.Group));
        await using var restarted = AgentProcess.Start(_launch with { StateDirectory = first.StateDirectory });
        var exitCode = await restarted.WaitForExitAsync();

        Assert.True(exitCode == 0, restarted.Output);
        Assert.Empty(LiveMembers(record.Group));
        var lines = await File.ReadAllLinesAsync(Log);
        Assert.Equal(3, lines.Length);
        Assert.Equal($"start {record.Pid} overlapping=0", lines[0]);
        Assert.Matches("^start [0-9]+ overlapping=0$", lines[1]);
        var secondPid = lines[1].Split(' ')[1];
        Assert.NotEqual(record.Pid.ToString(CultureInfo.InvariantCulture), secondPid);
        Assert.Equal($"end {secondPid}", lines[2]);
        Assert.Contains($"configuration run of generation 1 behind (process group {record.Group})", restarted.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(first.StateDirectory, "run")));
        Assert.Equal(InstanceState.Configured, (await _app.Registry.GetAsync(_uuid))!.Status!.State);
    }

    [Fact]
    public async Task Agent_SecondAgentOnTheSameStateDirectory_ExitsWith9AndLeavesTheFirstAlone()
    {
        await using var first = await StartApplyingAsync();

        await using var second = AgentProcess.Start(_launch with { StateDirectory = first.StateDirectory });
        var secondExit = await second.WaitForExitAsync();
        await File.WriteAllTextAsync(Release, "");
        var firstExit = await first.WaitForExitAsync();

        Assert.Equal(9, secondExit);
        Assert.Contains("Another agent is running with the state directory", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, firstExit);
        var lines = await File.ReadAllLinesAsync(Log);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("end ", lines[1], StringComparison.Ordinal);
    }

    /// <summary>Starts the agent and returns once its command has started.</summary>
    private async Task<AgentProcess> StartApplyingAsync()
    {
        var agent = AgentProcess.Start(_launch);
        await WaitForLinesAsync(1);
        return agent;
    }

    private async Task WaitForLinesAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!File.Exists(Log) || (await File.ReadAllLinesAsync(Log, timeout.Token)).Length < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    /// <summary>Reads the run record, which the agent writes just after the command starts.</summary>
    private static async Task<(int Pid, int Group)> RunRecordAsync(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "run", "current.json");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var record = JsonDocument.Parse(await File.ReadAllTextAsync(path, timeout.Token));
                var pid = record.RootElement.GetProperty("pid").GetInt32();
                return (pid, pid);
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
        }
    }

    /// <summary>Processes of the group that still run (a zombie nobody reaps runs nothing).</summary>
    private static List<string> LiveMembers(int group) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "stat")); } catch (IOException) { return ""; } })
            .Select(stat => stat.Length == 0 ? [] : stat[(stat.LastIndexOf(')') + 2)..].Split(' '))
            .Where(fields => fields.Length > 3 && fields[2] == group.ToString(CultureInfo.InvariantCulture) && fields[0] != "Z")
            .Select(fields => string.Join(' ', fields.Take(4)))];
}
