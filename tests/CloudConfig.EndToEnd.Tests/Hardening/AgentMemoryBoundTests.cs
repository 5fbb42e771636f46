using System.Globalization;
using CloudConfig.Core;
using Xunit.Abstractions;
using static CloudConfig.EndToEnd.Tests.RawAnswers;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// A 200 MB answer costs the agent no more memory than a small one: it reads at most its limit and refuses the
/// rest. Measured on the real process (peak resident set, VmHWM), while it is held waiting on its failure report.
/// </summary>
public sealed class AgentMemoryBoundTests(ITestOutputHelper output)
{
    // A correctness bound, not a speed figure: buffering the answer took the agent to 1.8 GB.
    private const long PeakBoundKiB = 150 * 1024;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Agent_200MegabyteAnswer_IsRefusedWithBoundedMemory(bool chunked)
    {
        var uuid = Guid.NewGuid();
        var reportArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawHttpServer.Start(async (request, connection, cancellationToken) =>
        {
            if (!request.IsReport)
            {
                await Huge(200L * 1024 * 1024, declared: !chunked)(request, connection, cancellationToken);
                return;
            }

            // Holds the agent alive after the read, so its peak can be read from /proc before it exits.
            reportArrived.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
            await Status(204)(request, connection, cancellationToken);
        });
        await using var agent = AgentProcess.Start(new AgentLaunch
        {
            BootString = BootString.Create(uuid, server.Address, Secret.Generate()).Format(),
            Fast = false,
            ExtraArguments = ["--request-timeout", "60"],
        });

        await reportArrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var peakKiB = PeakResidentKiB(agent.Pid);
        release.SetResult();
        output.WriteLine($"peak resident set (VmHWM) after a 200 MB {(chunked ? "chunked" : "declared")} answer: {peakKiB} KiB");
        var exitCode = await agent.WaitForExitAsync();

        Assert.True(peakKiB < PeakBoundKiB, $"Peak resident set {peakKiB} KiB, over {PeakBoundKiB} KiB.");
        Assert.Equal(8, exitCode);
        Assert.Contains("over the limit of 1529176 bytes", agent.Stderr, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.IsReport && r.BodyText.Contains("\"failed\"", StringComparison.Ordinal));
    }

    private static long PeakResidentKiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
