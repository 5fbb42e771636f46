using CloudConfig.Core;

namespace CloudConfig.Tool.Tests;

public sealed class OutputModeTests
{
    // What a hostile or broken instance might report: an escape sequence that would recolour (or worse) the
    // operator's terminal, a tab and a newline that would shift plain columns.
    private const string HostileDetail = "ok\nerror: \u001b[31mred\u001b]0;title\u0007\tmore";

    [Fact]
    public async Task PlainOutput_HasNoEscapeSequencesAnywhere_EvenWhenAnInstanceReportsSome()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (uuid, secret) = await server.RegisterAsync();
        await server.ReportAsync(uuid, secret, new InstanceStatus(InstanceState.Failed, 1, HostileDetail, 1));

        var runs = new[]
        {
            await ToolRun.RunAsync(server.Environment, "entries", "list"),
            await ToolRun.RunAsync(server.Environment, "entries", "show", uuid.ToString()),
            await ToolRun.RunAsync(server.Environment, "entries", "watch", "--exit-on-failure", "--interval", "100ms"),
            await ToolRun.RunAsync(server.Environment, "entries", "list", "--state", "registered"),
        };

        Assert.All(runs, run => Assert.DoesNotContain('\u001b', run.All));
        Assert.All(runs, run => Assert.DoesNotContain('\u0007', run.All));
        var listRow = runs[0].OutLines[1].Split('\t');
        Assert.Equal(EntryRow.Headers.Count, listRow.Length);
        Assert.Equal("10.0.0.7", listRow[5]);
        Assert.Equal("error:  [31mred ]0;title  more", listRow[10]);
        Assert.Equal(ExitCodes.EntryFailed, runs[2].ExitCode);
    }

    [Fact]
    public async Task RichOutput_OnATerminal_DrawsATable_AndStillStripsWhatInstancesReport()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (uuid, secret) = await server.RegisterAsync(domain: "lab");
        await server.ReportAsync(uuid, secret, new InstanceStatus(InstanceState.Failed, 1, HostileDetail, 1));

        var list = await ToolRun.RunAsync(server.Environment, terminal: true, "entries", "list");
        var show = await ToolRun.RunAsync(server.Environment, terminal: true, "entries", "show", uuid.ToString());
        var watch = await ToolRun.RunAsync(server.Environment, terminal: true, "entries", "watch", "--exit-on-failure", "--interval", "100ms");
        var plain = await ToolRun.RunAsync(server.Environment, terminal: true, "entries", "list", "--plain");

        Assert.Equal(ExitCodes.Success, list.ExitCode);
        Assert.Contains("╭", list.Out, StringComparison.Ordinal);
        Assert.Contains(uuid.ToString(), list.Out, StringComparison.Ordinal);
        Assert.Contains("1 entry: 1 failed", list.Out, StringComparison.Ordinal);
        Assert.Contains("10.0.0.7", show.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.EntryFailed, watch.ExitCode);
        Assert.Contains("watching", watch.Out, StringComparison.Ordinal);
        foreach (var run in new[] { list, show, watch })
        {
            // The tool's own colours are there; the instance's sequences are not.
            Assert.Contains("\u001b[", run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b[31m", run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b]0;", run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain('\u0007', run.Out);
        }

        Assert.DoesNotContain('\u001b', plain.Out);
        Assert.StartsWith("UUID\tSTATE", plain.Out, StringComparison.Ordinal);
    }
}
