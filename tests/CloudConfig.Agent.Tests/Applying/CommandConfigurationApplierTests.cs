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

    private CommandConfigurationApplier Applier(string script, TimeProvider time, TimeSpan? timeout = null, IReadOnlyList<string>? arguments = null) =>
        new(script, arguments ?? [], timeout ?? TimeSpan.FromMinutes(5), _temp.File("run"), 4096, new ConfigCacheLimits(), time, [_bootVariable]);

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
        var script = _temp.WriteScript("hang.sh", "echo started\nsleep 300\necho never\n");
        var apply = Applier(script, time, TimeSpan.FromSeconds(10)).ApplyAsync(Configuration("x"));

        // The timeout runs on the fake clock: keep moving it until the applier notices.
        var deadline = DateTime.UtcNow.AddSeconds(30);
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
