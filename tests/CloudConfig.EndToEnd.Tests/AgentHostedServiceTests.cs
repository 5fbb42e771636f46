using CloudConfig.Agent;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static CloudConfig.EndToEnd.Tests.RawAnswers;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// A worker as the package's README writes it: <c>AddConfigAgentHostedService</c> with no transport of its own, so
/// the default HTTP connector, over real HTTP. Its answer limit follows <see cref="ConfigAgentOptions.Limits"/>: a
/// 2 MiB configuration is read and applied when the limit allows 3 MiB, and refused (exit code 8) at the default
/// 1 MiB. The rows of this class run one after another, so each may set and reset <see cref="Environment.ExitCode"/>.
/// </summary>
public sealed class AgentHostedServiceTests : IDisposable
{
    private const int TwoMebibytes = 2 * 1024 * 1024;

    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "cloudconfig-e2e-tests", Guid.NewGuid().ToString("N"));

    public AgentHostedServiceTests() => Environment.ExitCode = 0;

    public void Dispose()
    {
        Environment.ExitCode = 0;
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData(3 * 1024 * 1024, ConfigAgentExitCodes.Ok, "\"configured\"")]
    [InlineData(1024 * 1024, ConfigAgentExitCodes.ConfigurationRefused, "\"failed\"")]
    public async Task Worker_DefaultConnector_ReadsAnswersAsLargeAsTheLimitsAllow(int maxConfigurationBytes, int expectedExitCode, string reportedState)
    {
        var uuid = Guid.NewGuid();
        var content = new byte[TwoMebibytes];
        Array.Fill(content, (byte)'a');
        await using var server = RawHttpServer.Start(Fetch(Json(200, Configuration(uuid, 1, content))));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddConfigAgentHostedService(options =>
        {
            AgentSide.Isolate(options, BootString.Create(uuid, server.Address, Secret.Generate()).Format(), _stateDirectory);
            options.AllowInsecureTransport = true;
            options.Address = AgentSide.ReportedAddress;
            options.ExitAfterApply = true;
            options.Limits.MaxConfigurationBytes = maxConfigurationBytes;
        });
        using var host = builder.Build();

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(expectedExitCode, Environment.ExitCode);
        Assert.Contains(server.Requests, r => r.IsReport && r.BodyText.Contains(reportedState, StringComparison.Ordinal));
        var applied = Path.Combine(_stateDirectory, "configuration");
        Assert.Equal(expectedExitCode == ConfigAgentExitCodes.Ok ? TwoMebibytes : -1, File.Exists(applied) ? new FileInfo(applied).Length : -1);
    }
}
