using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent.Tests;

/// <summary>
/// An in-memory cache (the rendezvous point), a connector handing it out per address, and a factory for agents that
/// share one state directory, as the agents of successive boots of one instance do.
/// </summary>
internal sealed class AgentHarness : IDisposable
{
    public const string Primary = "rendezvous.test:8443";

    private readonly TempDirectory _temp = new();

    public AgentHarness(TimeProvider? cacheTime = null)
    {
        Cache = new InMemoryConfigCache(timeProvider: cacheTime);
        Connector = new TestConnector(Cache);
    }

    public InMemoryConfigCache Cache { get; }

    public TestConnector Connector { get; }

    public RecordingRendezvous Rendezvous => Connector.At(Primary);

    public TempDirectory Temp => _temp;

    public string StateDirectory => _temp.File("state");

    public RecordingLogger<ConfigAgent> Logger { get; } = new();

    /// <summary>Registers a configuration and returns the boot string an app would pass as user data.</summary>
    public async Task<(Guid Uuid, Secret BootSecret, string BootString)> RegisterAsync(string configuration, IReadOnlyList<string>? configHosts = null)
    {
        var uuid = Guid.NewGuid();
        var secret = Secret.Generate();
        var registration = ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText(configuration, "text/x-shellscript"), secret) with
        {
            ConfigHosts = configHosts ?? [],
        };
        await Cache.PreRegisterAsync(registration);
        return (uuid, secret, BootString.Create(uuid, RendezvousAddress.Parse(Primary), secret).Format());
    }

    public ConfigAgentOptions Options(string? bootString, Action<ConfigAgentOptions>? configure = null)
    {
        var options = new ConfigAgentOptions
        {
            BootString = bootString,
            BootStringEnvironmentVariable = "",
            UserDataPath = null,
            MetadataServiceUrl = null,
            KernelCommandLinePath = null,
            StateDirectory = StateDirectory,
            Address = "192.0.2.10",
            ExitAfterApply = true,
            UpdatePollTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return options;
    }

    public ConfigAgent Agent(ConfigAgentOptions options, IConfigurationApplier? applier = null, TimeProvider? time = null, double jitter = 0) =>
        new(
            Microsoft.Extensions.Options.Options.Create(options),
            Connector,
            applier ?? BuiltInApplier.Create(options, time ?? TimeProvider.System),
            Boot.BootStringSourceTests.BuiltInSources(options),
            time,
            Logger,
            new FixedJitter(jitter));

    public void Dispose() => _temp.Dispose();
}
