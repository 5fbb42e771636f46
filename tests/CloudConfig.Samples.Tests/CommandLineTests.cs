using CloudConfig.Samples.Tests.Support;

namespace CloudConfig.Samples.Tests;

/// <summary>Every sample's command line, run as the process it is: --help exits 0, a usage error exits 2 saying what is wrong.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("QuickStart", "--deltacloud-url")]
    [InlineData("DynamicPool", "--count")]
    [InlineData("DeltacloudExplorer", "--keep")]
    [InlineData("RendezvousServer", "--redis")]
    [InlineData("RendezvousServer", "--nats-on-premises-domain")]
    [InlineData("Federation", "--outage")]
    public async Task Help_PrintsTheUsageAndExitsZero(string sample, string anOption)
    {
        var run = await SampleProcess.RunAsync(sample, "--help");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.All}");
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.Contains(anOption, run.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData("QuickStart", "--count 0", "--count must be a whole number from 1 to 10000 (was '0').")]
    [InlineData("QuickStart", "--user u", "--user and --password go with --deltacloud-url.")]
    [InlineData("QuickStart", "--deltacloud-url ftp://host/api", "--deltacloud-url must be an absolute http or https URL.")]
    [InlineData("QuickStart", "--bogus", "--bogus")]
    [InlineData("DynamicPool", "--count 1001", "--count must be a whole number from 1 to 1000 (was '1001').")]
    [InlineData("DynamicPool", "--count many", "--count must be a whole number from 1 to 1000 (was 'many').")]
    [InlineData("QuickStart", "--timeout 0", "--timeout must be a whole number from 1 to 86400 (was '0').")]
    [InlineData("DeltacloudExplorer", "--user u", "--url")]
    [InlineData("DeltacloudExplorer", "--url http://host/api --format yaml", "yaml")]
    [InlineData("RendezvousServer", "ftp://127.0.0.1:1", "'ftp://127.0.0.1:1' is not an http or https URL to listen on.")]
    [InlineData("RendezvousServer", "--redis", "'--redis'")]
    [InlineData("RendezvousServer", "--redis 127.0.0.1:6379 --nats nats://127.0.0.1:4222", "Give --redis or --nats, not both.")]
    [InlineData("RendezvousServer", "--nats-on-premises-domain onprem", "--nats-on-premises-domain and --nats-bucket-prefix need --nats.")]
    [InlineData("Federation", "--outage 0", "--outage must be a whole number from 1 to 600 (was '0').")]
    public async Task UsageError_ExitsTwoNamingTheProblem(string sample, string arguments, string named)
    {
        var run = await SampleProcess.RunAsync(sample, arguments.Split(' '));

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}:\n{run.All}");
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.Contains($"Run '{sample} --help' for usage.", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }
}
