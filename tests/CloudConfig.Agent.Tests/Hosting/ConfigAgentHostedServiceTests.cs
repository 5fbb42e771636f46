using System.Globalization;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Agent.Tests.Hosting;

/// <summary>
/// The agent in a real <see cref="IHost"/>: it runs for the host's lifetime, host shutdown stops it (and a command in
/// flight), and an error it stops with becomes one log line, <see cref="Environment.ExitCode"/> and a stopped
/// application. The tests of this class run one after another (xunit), so each may set and reset the exit code.
/// </summary>
public sealed class ConfigAgentHostedServiceTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly AgentHarness _harness = new();
    private readonly RecordingLogger<ConfigAgentHostedService> _logger = new();

    public ConfigAgentHostedServiceTests() => Environment.ExitCode = 0;

    public void Dispose()
    {
        Environment.ExitCode = 0;
        _harness.Dispose();
    }

    [Fact]
    public async Task Host_RunsTheAgentUntilShutdown_ThenStopsItPromptlyWithExitCode0()
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("role=web");
        using var host = Build(bootString);

        await host.StartAsync();
        await _harness.Rendezvous.NextReportAsync(InstanceState.Configured, Deadline);
        // Now in its long poll (30 s): shutdown must not wait for it.
        await host.StopAsync().WaitAsync(Deadline);

        Assert.True(Service(host).ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(InstanceState.Configured, (await _harness.Cache.GetAsync(uuid))!.Status.State);
        Assert.Equal(ConfigAgentExitCodes.Ok, Environment.ExitCode);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task Host_StoppedWhileACommandRuns_EndsTheCommandBeforeItStops()
    {
        var (_, _, bootString) = await _harness.RegisterAsync("role=web");
        var pidFile = _harness.Temp.File("command.pid");
        var script = _harness.Temp.WriteScript("slow.sh", $"echo $$ > '{pidFile}.tmp' && mv '{pidFile}.tmp' '{pidFile}'\nexec sleep 600\n");
        using var host = Build(bootString, o => o.Command = script);

        await host.StartAsync();
        var pid = await ReadPidAsync(pidFile);
        await host.StopAsync().WaitAsync(Deadline);

        Assert.True(Service(host).ExecuteTask!.IsCompleted);
        Assert.True(ProcessStat.Read(pid) is null or { IsGone: true }, $"The command (pid {pid}) still runs after the host stopped.");
        Assert.Equal(ConfigAgentExitCodes.Ok, Environment.ExitCode);
    }

    [Fact]
    public async Task Host_AgentStopsWithAnError_LogsOneLineSetsItsExitCodeAndStopsTheApplication()
    {
        // Nothing to configure from: no boot string, no state, no pool.
        using var host = Build(bootString: null);

        await host.RunAsync().WaitAsync(Deadline);

        Assert.Equal(ConfigAgentExitCodes.NoBootString, Environment.ExitCode);
        var line = Assert.Single(_logger.Entries, e => e.Id.Id == 1).Text;
        Assert.StartsWith("The configuration agent stopped: ", line, StringComparison.Ordinal);
        Assert.EndsWith("(exit code 3); stopping the application", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public async Task Host_WrongBootSecret_StopsTheApplicationWithExitCode4WithoutTheSecretInTheLog()
    {
        var (uuid, _, _) = await _harness.RegisterAsync("role=web");
        var wrongSecret = Secret.Generate();
        using var host = Build(BootString.Create(uuid, RendezvousAddress.Parse(AgentHarness.Primary), wrongSecret).Format());

        await host.RunAsync().WaitAsync(Deadline);

        Assert.Equal(ConfigAgentExitCodes.CredentialRefused, Environment.ExitCode);
        Assert.Contains(_logger.Entries, e => e.Id.Id == 1 && e.Text.EndsWith("(exit code 4); stopping the application", StringComparison.Ordinal));
        Assert.DoesNotContain(wrongSecret.Reveal(), _logger.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_ExitAfterApply_StopsTheApplicationWithExitCode0OnceConfigured()
    {
        var (uuid, _, bootString) = await _harness.RegisterAsync("role=web");
        using var host = Build(bootString, o => o.ExitAfterApply = true);

        await host.RunAsync().WaitAsync(Deadline);

        Assert.Equal(InstanceState.Configured, (await _harness.Cache.GetAsync(uuid))!.Status.State);
        Assert.Equal(ConfigAgentExitCodes.Ok, Environment.ExitCode);
        Assert.Contains(_logger.Entries, e => e.Id.Id == 3);
    }

    [Fact]
    public void AddConfigAgentHostedService_CalledTwice_RunsOneAgent()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IHostApplicationLifetime, StubLifetime>();

        using var provider = services.AddConfigAgentHostedService().AddConfigAgentHostedService().BuildServiceProvider();

        Assert.IsType<ConfigAgentHostedService>(Assert.Single(provider.GetServices<IHostedService>()));
    }

    private IHost Build(string? bootString, Action<ConfigAgentOptions>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IRendezvousConnector>(_harness.Connector);
        builder.Services.AddSingleton<ILogger<ConfigAgentHostedService>>(_logger);
        builder.Services.AddConfigAgentHostedService(options =>
        {
            var isolated = _harness.Options(bootString);
            options.BootString = isolated.BootString;
            options.BootStringEnvironmentVariable = isolated.BootStringEnvironmentVariable;
            options.UserDataPath = isolated.UserDataPath;
            options.MetadataServiceUrl = isolated.MetadataServiceUrl;
            options.KernelCommandLinePath = isolated.KernelCommandLinePath;
            options.StateDirectory = isolated.StateDirectory;
            options.Address = isolated.Address;
            options.UpdatePollTimeout = isolated.UpdatePollTimeout;
            configure?.Invoke(options);
        });
        return builder.Build();
    }

    private static ConfigAgentHostedService Service(IHost host) =>
        host.Services.GetServices<IHostedService>().OfType<ConfigAgentHostedService>().Single();

    private static async Task<int> ReadPidAsync(string path)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!File.Exists(path))
        {
            await Task.Delay(20, deadline.Token);
        }

        return int.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture);
    }

    private sealed class StubLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
