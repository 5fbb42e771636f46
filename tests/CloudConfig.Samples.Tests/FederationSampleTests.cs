using System.Text.RegularExpressions;
using CloudConfig.Samples.Tests.Support;

namespace CloudConfig.Samples.Tests;

/// <summary>samples/Federation as the program it is: its own nats-servers, two clouds, a cut link; nothing lost.</summary>
public sealed partial class FederationSampleTests
{
    [Fact]
    public async Task Federation_LinkCutAndRestored_EveryInstanceReportsAndEverythingIsEnded()
    {
        var run = await SampleProcess.RunAsync("Federation", "--count", "2", "--outage", "3");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.All}");
        Assert.Contains("Cut the link to cloud-b.", run.Out, StringComparison.Ordinal);
        Assert.Contains("read on premises while it is down: 2 of 2 reports of cloud-b", run.Out, StringComparison.Ordinal);
        Assert.Contains("OK: 8 instances, nothing lost", run.Out, StringComparison.Ordinal);
        Assert.Contains("Cleaned up: 8 instances terminated, 8 entries removed.", run.Out, StringComparison.Ordinal);
        // Both clouds, before and during the cut, each configured; the updated one at generation 2.
        var rows = TableRow().Matches(run.Out);
        Assert.Equal(8, rows.Count);
        Assert.Equal(4, rows.Count(r => r.Groups["cloud"].Value == "cloud-b"));
        Assert.Equal(4, rows.Count(r => r.Groups["phase"].Value == "during"));
        Assert.Single(rows, r => r.Groups["generation"].Value == "2" && r.Groups["cloud"].Value == "cloud-b");
        Assert.Empty(run.Error);
    }

    [GeneratedRegex(@"│ [0-9a-f-]{36} │ (?<cloud>cloud-[ab]) +│ (?<phase>before|during) the cut │.*│ Configured \(gen (?<generation>\d), exit 0\) │")]
    private static partial Regex TableRow();
}
