using System.Runtime.Versioning;
using CloudConfig.Agent;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Cache.Redis.Tests.SharedRendezvous;

/// <summary>
/// Real instance agents (<see cref="IConfigAgent"/> over <see cref="HttpRendezvousConnector"/>), each with its own
/// container, connector and state directory, as on separate instances. Disposing stops them all.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class AgentFleet : IAsyncDisposable
{
    // Applies a configuration the way a real tool would: reads it on stdin and reports a parameter derived from it.
    private const string ApplyScript = """
        #!/bin/sh
        set -e
        role=$(cat)
        printf 'role=%s\n' "$role" >> "$CLOUDCONFIG_PARAMETERS_FILE"
        echo "applied generation $CLOUDCONFIG_GENERATION"
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cloudconfig-fleet-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ServiceProvider> _providers = [];
    private readonly List<Task> _runs = [];

    public AgentFleet()
    {
        Directory.CreateDirectory(_root);
        Script = Path.Combine(_root, "apply.sh");
        File.WriteAllText(Script, ApplyScript);
        File.SetUnixFileMode(Script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>A command applier that reports the configuration's text as the parameter <c>role</c>.</summary>
    public string Script { get; }

    /// <summary>The address agent <paramref name="index"/> reports.</summary>
    public static string AddressOf(int index) => $"192.0.2.{index + 1}";

    public string StateDirectoryOf(int index) => Path.Combine(_root, $"agent-{index}");

    /// <summary>Starts agent <paramref name="index"/>; it runs until the fleet is disposed (or it exits after applying).</summary>
    public Task Start(int index, Action<ConfigAgentOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IRendezvousConnector>(_ => new HttpRendezvousConnector());
        services.AddConfigAgent(o =>
        {
            o.BootStringEnvironmentVariable = "";
            o.UserDataPath = null;
            o.MetadataServiceUrl = null;
            o.KernelCommandLinePath = null;
            o.StateDirectory = StateDirectoryOf(index);
            o.Address = AddressOf(index);
            o.AllowInsecureTransport = true;
            o.UpdatePollTimeout = SharedRendezvousPair.LongPoll;
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(200);
            o.MaxRetryDelay = TimeSpan.FromSeconds(2);
            configure(o);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _providers.Add(provider);
        var agent = provider.GetRequiredService<IConfigAgent>();
        var run = Task.Run(() => agent.RunAsync(_stop.Token));
        _runs.Add(run);
        return run;
    }

    /// <summary>Throws what stopped an agent that should still be running.</summary>
    public void ThrowIfAnyFailed()
    {
        foreach (var run in _runs.Where(r => r.IsFaulted))
        {
            run.GetAwaiter().GetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_runs).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception) when (_runs.All(r => r.IsCompleted))
        {
            // Stopped as asked (cancelled); an agent that failed was already reported by the test.
        }

        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        _stop.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
