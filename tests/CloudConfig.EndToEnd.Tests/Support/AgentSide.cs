using CloudConfig.Agent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// The instance: the agent library as <c>AddConfigAgent</c> wires it (its default <see cref="HttpRendezvousConnector"/>), given the
/// boot string directly, with the command applier running a real <c>/bin/sh</c> script, in a private state directory.
/// </summary>
internal sealed class AgentSide : IAsyncDisposable
{
    /// <summary>Echoes the configuration's <c>key=value</c> lines as parameters and adds the generation it applied.</summary>
    public const string Script = """
        cat >> "$CLOUDCONFIG_PARAMETERS_FILE"
        echo "applied_generation=$CLOUDCONFIG_GENERATION" >> "$CLOUDCONFIG_PARAMETERS_FILE"
        echo "applied generation $CLOUDCONFIG_GENERATION of $CLOUDCONFIG_UUID"
        """;

    public const string ReportedAddress = "192.0.2.10";

    private readonly ServiceProvider _provider;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "cloudconfig-e2e-tests", Guid.NewGuid().ToString("N"));

    public AgentSide(string bootString, bool allowInsecureTransport = false)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug))
            .AddConfigAgent(options =>
            {
                Isolate(options, bootString, _stateDirectory);
                options.AllowInsecureTransport = allowInsecureTransport;
                options.Address = ReportedAddress;
                options.Command = "/bin/sh";
                options.CommandArguments.Add("-c");
                options.CommandArguments.Add(Script);
                options.CommandTimeout = TimeSpan.FromSeconds(60);
                options.UpdatePollTimeout = TimeSpan.FromSeconds(30);
            });
        _provider = services.BuildServiceProvider();
        Agent = _provider.GetRequiredService<IConfigAgent>();
    }

    public RecordingLoggerProvider Logs { get; } = new();

    /// <summary>Only the given boot string: nothing on this machine (environment, user data, metadata service) may interfere.</summary>
    public static void Isolate(ConfigAgentOptions options, string bootString, string stateDirectory)
    {
        options.BootString = bootString;
        options.BootStringEnvironmentVariable = "";
        options.UserDataPath = null;
        options.MetadataServiceUrl = null;
        options.KernelCommandLinePath = null;
        options.StateDirectory = stateDirectory;
    }

    public IConfigAgent Agent { get; }

    public Task? Running { get; private set; }

    public void Start() => Running = Task.Run(() => Agent.RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Running is not null)
        {
            try
            {
                await Running.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (OperationCanceledException)
            {
                // Stopped as asked.
            }
            catch (ConfigAgentException)
            {
                // The test that expects it has asserted it already.
            }
        }

        await _provider.DisposeAsync();
        _stop.Dispose();
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in temp are harmless.
        }
    }
}
