using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Agent.Tests.Applying;

public sealed class CommandConfigurationApplierTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static InstanceConfiguration Configuration(string text) =>
        new(Guid.NewGuid(), ConfigurationContent.FromText(text), 7) { Domain = "prod" };

    // A variable of this test's own stands in for CLOUDCONFIG_BOOT, so tests running in parallel never see it.
    private readonly string _bootVariable = "CLOUDCONFIG_TEST_BOOT_" + Guid.NewGuid().ToString("N");

    private CommandConfigurationApplier Applier(string script, TimeProvider time, TimeSpan? timeout = null, IReadOnlyList<string>? arguments = null, IReadOnlyList<string>? passed = null) =>
        new(script, arguments ?? [], timeout ?? TimeSpan.FromMinutes(5), new RunLedger(_temp.Path), 4096, new ConfigCacheLimits(), time, passed);

    [Fact]
    public async Task Apply_Script_GetsConfigurationOnStdinAndContextInTheEnvironment()
    {
        var script = _temp.WriteScript("env.sh", """
            cat > "$(dirname "$CLOUDCONFIG_PARAMETERS_FILE")/stdin.copy"
            echo "gen=$CLOUDCONFIG_GENERATION" >> "$CLOUDCONFIG_PARAMETERS_FILE"
            echo "domain=$CLOUDCONFIG_DOMAIN" >> "$CLOUDCONFIG_PARAMETERS_FILE"
            echo "boot=${%BOOT%:-unset}" >> "$CLOUDCONFIG_PARAMETERS_FILE"
            echo "args=$*" >> "$CLOUDCONFIG_PARAMETERS_FILE"
            """.Replace("%BOOT%", _bootVariable, StringComparison.Ordinal));
        Environment.SetEnvironmentVariable(_bootVariable, "must-not-leak");
        try
        {
            var result = await Applier(script, TimeProvider.System, arguments: ["one", "two"]).ApplyAsync(Configuration("payload\nline 2\n"));

            Assert.True(result.Succeeded);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("payload\nline 2\n", await File.ReadAllTextAsync(_temp.File("run/stdin.copy")));
            Assert.Equal(ParameterValue.FromInteger(7), result.Parameters["gen"]);
            Assert.Equal(ParameterValue.FromString("prod"), result.Parameters["domain"]);
            Assert.Equal(ParameterValue.FromString("unset"), result.Parameters["boot"]);
            Assert.Equal(ParameterValue.FromString("one two"), result.Parameters["args"]);
            Assert.Empty(Directory.GetFiles(_temp.File("run"), "parameters-*"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(_bootVariable, null);
        }
    }

    [Fact]
    public async Task Apply_Environment_IsBuiltFromTheDefaultsAndThePassedNamesOnly()
    {
        var passed = "CLOUDCONFIG_TEST_PASSED_" + Guid.NewGuid().ToString("N");
        var script = _temp.WriteScript("env.sh", """
            echo "passed=${%PASSED%:-unset}" >> "$CLOUDCONFIG_PARAMETERS_FILE"
            echo "other=${%OTHER%:-unset}" >> "$CLOUDCONFIG_PARAMETERS_FILE"
            echo "path=${PATH:+set}" >> "$CLOUDCONFIG_PARAMETERS_FILE"
            echo "run=${CLOUDCONFIG_RUN_ID:+set}" >> "$CLOUDCONFIG_PARAMETERS_FILE"
            """.Replace("%PASSED%", passed, StringComparison.Ordinal).Replace("%OTHER%", _bootVariable, StringComparison.Ordinal));
        Environment.SetEnvironmentVariable(passed, "yes");
        Environment.SetEnvironmentVariable(_bootVariable, "must-not-leak");
        try
        {
            var result = await Applier(script, TimeProvider.System, passed: [passed]).ApplyAsync(Configuration("x"));

            Assert.Equal(ParameterValue.FromString("yes"), result.Parameters["passed"]);
            Assert.Equal(ParameterValue.FromString("unset"), result.Parameters["other"]);
            Assert.Equal(ParameterValue.FromString("set"), result.Parameters["path"]);
            Assert.Equal(ParameterValue.FromString("set"), result.Parameters["run"]);
            Assert.False(File.Exists(new RunLedger(_temp.Path).RecordPath));
        }
        finally
        {
            Environment.SetEnvironmentVariable(passed, null);
            Environment.SetEnvironmentVariable(_bootVariable, null);
        }
    }

    [Fact]
    public async Task Apply_Command_RunsInASessionOfItsOwnRecordedWhileItRuns()
    {
        var script = _temp.WriteScript("session.sh", """
            echo "ids=$(cut -d' ' -f1,5,6 /proc/$$/stat)" >> "$CLOUDCONFIG_PARAMETERS_FILE"
            run="$(dirname "$CLOUDCONFIG_PARAMETERS_FILE")"
            # The agent records the run before the start, then again with the pid just after it: wait for the second
            # (the first is already there when this runs), on a busy machine too.
            for i in $(seq 1 500); do grep -qs '"pid"' "$run/current.json" && break; sleep 0.01; done
            cat "$run/current.json" > "$run/record.copy"
            """);

        var result = await Applier(script, TimeProvider.System).ApplyAsync(Configuration("x"));

        // pid, process group and session are one number: the command leads a session of its own.
        var ids = result.Parameters["ids"].ToString().Split(' ');
        Assert.Equal(3, ids.Length);
        Assert.All(ids, id => Assert.Equal(ids[0], id));
        Assert.NotEqual(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), ids[0]);
        var record = await File.ReadAllTextAsync(_temp.File("run/record.copy"));
        Assert.Contains($"\"pid\": {ids[0]}", record, StringComparison.Ordinal);
        Assert.Contains("\"generation\": 7", record, StringComparison.Ordinal);
        Assert.Contains("\"startTicks\"", record, StringComparison.Ordinal);
        Assert.False(File.Exists(new RunLedger(_temp.Path).RecordPath));
    }

    [Fact]
    public async Task Apply_ScriptIgnoringStdin_StillSucceeds()
    {
        var script = _temp.WriteScript("quiet.sh", "exit 0\n");

        var result = await Applier(script, TimeProvider.System).ApplyAsync(Configuration(new string('x', 1024 * 1024)));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Apply_ScriptPastItsTimeout_IsKilledAndReportedWithExitCode124()
    {
        var time = new FakeTimeProvider();
        // The pid file is written after "started", so once it exists the script has printed it.
        var script = _temp.WriteScript("hang.sh", "sleep 300 &\nchild=$!\necho started\necho $child > \"$(dirname \"$CLOUDCONFIG_PARAMETERS_FILE\")/child.pid\"\nsleep 300\necho never\n");
        var apply = Applier(script, time, TimeSpan.FromSeconds(10)).ApplyAsync(Configuration("x"));

        // Only start the fake clock once the script is running, or the timeout could fire before it prints anything.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(_temp.File("run/child.pid")) && !apply.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        // The timeout runs on the fake clock: keep moving it until the applier notices.
        while (!apply.IsCompleted && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.WhenAny(apply, Task.Delay(20));
        }

        var result = await apply;
        Assert.False(result.Succeeded);
        Assert.Equal(CommandApplierEnvironment.TimedOutExitCode, result.ExitCode);
        Assert.StartsWith("started\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("killed after the timeout", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("never", result.Output, StringComparison.Ordinal);
        // The whole session went, the background child included (a zombie no one reaps runs nothing).
        var child = int.Parse(await File.ReadAllTextAsync(_temp.File("run/child.pid")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ProcessStat.Read(child) is null or { IsGone: true });
    }

    [Fact]
    public async Task Apply_Cancelled_KillsTheCommandAndThrows()
    {
        var script = _temp.WriteScript("hang.sh", "sleep 300\n");
        using var stop = new CancellationTokenSource();
        var apply = Applier(script, TimeProvider.System).ApplyAsync(Configuration("x"), stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => apply.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void OutputTail_LongOutput_KeepsOnlyTheLastCharacters()
    {
        var tail = new OutputTail(10);
        for (var i = 0; i < 100; i++)
        {
            tail.AppendLine("line" + i);
        }

        Assert.Equal("98\nline99\n", tail.ToString());
    }
}
