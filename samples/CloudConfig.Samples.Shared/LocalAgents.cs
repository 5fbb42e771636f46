using System.Collections.Concurrent;
using CloudConfig.Agent;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Samples.Shared;

/// <summary>
/// Runs the real CloudConfig agent in this process, one per "instance": its own state directory, the command applier
/// running the configuration as a <c>/bin/sh</c> script, plain http to the loopback rendezvous point (or https, when
/// the boot string pins the server's certificate).
/// </summary>
/// <param name="connector">How the agents reach the rendezvous point; the agent's default HTTP transport when null.</param>
public sealed class LocalAgents(IRendezvousConnector? connector = null) : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cloudconfig-agents-").FullName;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, List<RunningAgent>> _byInstance = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private int _started;
    private int _disposed;

    /// <summary>How many agents were started.</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>How many agents are running now: started and neither stopped with their instance nor ended on their own.</summary>
    public int Running => _byInstance.Values.Sum(list =>
    {
        lock (list)
        {
            return list.Count(agent => !agent.Run.IsCompleted);
        }
    });

    /// <summary>Agents that stopped with an error, as "instance: message" lines.</summary>
    public IReadOnlyCollection<string> Failures => [.. _failures];

    /// <summary>Starts an agent that finds its boot string in the instance's user data.</summary>
    /// <param name="instanceId">The cloud's id of the instance the agent stands for.</param>
    /// <param name="address">The address the agent reports.</param>
    /// <param name="userData">The user data the instance was started with: the boot string.</param>
    public void StartWithBootString(string instanceId, string address, string userData)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userData);
        Start(instanceId, address, options => options.BootString = userData.Trim());
    }

    /// <summary>Starts an agent in dynamic mode: no boot string, it claims the next entry of a pool.</summary>
    /// <param name="instanceId">The cloud's id of the instance the agent stands for.</param>
    /// <param name="address">The address the agent reports.</param>
    /// <param name="access">What the image would bake in.</param>
    public void StartDynamic(string instanceId, string address, DynamicPoolAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        Start(instanceId, address, options =>
        {
            options.DynamicRendezvousAddress = access.RendezvousAddress;
            options.DynamicPool = access.Pool;
            options.DynamicPoolCredential = access.Credential.Reveal();
        });
    }

    /// <summary>Stops the agents of one instance (it was destroyed).</summary>
    /// <param name="instanceId">The cloud's id of the instance.</param>
    /// <returns>A task that completes when they have stopped.</returns>
    public async Task StopAsync(string instanceId)
    {
        if (_byInstance.TryRemove(instanceId, out var agents))
        {
            foreach (var agent in agents)
            {
                await agent.Stop.CancelAsync().ConfigureAwait(false);
            }

            await Task.WhenAll(agents.Select(a => a.Run)).ConfigureAwait(false);
            agents.ForEach(a => a.Stop.Dispose());
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        var agents = _byInstance.Values.SelectMany(list => list).ToList();
        await Task.WhenAll(agents.Select(a => a.Run)).ConfigureAwait(false);
        agents.ForEach(a => a.Stop.Dispose());
        _stopping.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private void Start(string instanceId, string address, Action<ConfigAgentOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var number = Interlocked.Increment(ref _started);
        // Instance ids may be reused by a cloud (the real mock driver does), so the directory also carries a number.
        var stateDirectory = Path.Combine(_root, $"{number:D5}-{string.Concat(instanceId.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'))}");
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var run = Task.Run(() => RunAsync(instanceId, stateDirectory, address, configure, stop));
        _byInstance.AddOrUpdate(instanceId, _ => [new RunningAgent(run, stop)], (_, list) =>
        {
            lock (list)
            {
                list.Add(new RunningAgent(run, stop));
            }

            return list;
        });
    }

    private async Task RunAsync(string instanceId, string stateDirectory, string address, Action<ConfigAgentOptions> configure, CancellationTokenSource stop)
    {
        var services = new ServiceCollection();
        // A shared connector is registered as an instance, which the agent's container does not dispose when it stops.
        _ = connector is null
            ? services.AddSingleton<IRendezvousConnector>(_ => new HttpRendezvousConnector())
            : services.AddSingleton(connector);
        services
            .AddConfigAgent(options =>
            {
                // Only the boot string given here: nothing from this machine's environment, files or metadata service.
                options.BootStringEnvironmentVariable = "";
                options.UserDataPath = null;
                options.MetadataServiceUrl = null;
                options.KernelCommandLinePath = null;
                options.StateDirectory = stateDirectory;
                options.Address = address;
                options.AllowInsecureTransport = true;
                options.Command = "/bin/sh";
                options.CommandTimeout = TimeSpan.FromMinutes(1);
                options.InitialRetryDelay = TimeSpan.FromMilliseconds(200);
                options.MaxRetryDelay = TimeSpan.FromSeconds(2);
                configure(options);
            });
        try
        {
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<IConfigAgent>().RunAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped with its instance or with the whole local cloud.
        }
#pragma warning disable CA1031 // An agent's failure is recorded for the caller to report; it must not take the others down.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failures.Enqueue($"{instanceId}: {e.Message}");
        }
    }

    private sealed record RunningAgent(Task Run, CancellationTokenSource Stop);
}
