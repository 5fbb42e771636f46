using System.Collections.Concurrent;
using CloudConfig.Agent;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Testing;

/// <summary>
/// Runs the real CloudConfig agent in this process, one per instance: each with its own temporary state directory,
/// the boot string it was given (nothing read from this machine's environment, files or metadata service), the
/// configuration run as a <c>/bin/sh</c> script, and plain http allowed (the rendezvous server is on loopback).
/// </summary>
/// <remarks>
/// An agent that stops with an error does not take the others down: its message is kept in <see cref="Failures"/>,
/// which is what explains a <c>ConfigurationTimeoutException</c> on the app's side.
/// </remarks>
public sealed class LocalAgents : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cloudconfig-agents-").FullName;
    private readonly Action<ConfigAgentOptions>? _configure;
    private readonly IRendezvousConnector? _connector;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, List<RunningAgent>> _byInstance = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private DynamicPoolAccess? _bakedInPool;
    private int _started;
    private int _disposed;

    /// <summary>Creates the agents' home: a temporary folder, deleted on dispose.</summary>
    /// <param name="configure">
    /// Adjusts every agent's options after the defaults above were set (for example another <c>Command</c>, or
    /// shorter retry delays); the boot string or pool is set last and cannot be changed here.
    /// </param>
    public LocalAgents(Action<ConfigAgentOptions>? configure = null) => _configure = configure;

    /// <summary>Creates the agents' home, with every agent reaching its rendezvous point through <paramref name="connector"/>.</summary>
    /// <param name="connector">
    /// The agents' transport instead of the agent's default HTTP one, shared by all of them and not disposed here: to
    /// reach a rendezvous point this process cannot dial directly (through a forwarder, say).
    /// </param>
    /// <param name="configure">As for <see cref="LocalAgents(Action{ConfigAgentOptions})"/>.</param>
    public LocalAgents(IRendezvousConnector connector, Action<ConfigAgentOptions>? configure = null)
        : this(configure)
    {
        ArgumentNullException.ThrowIfNull(connector);
        _connector = connector;
    }

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

    /// <summary>
    /// For instances started without user data: the pool their image would claim from. With none, such an instance
    /// gets no agent (as a machine whose image knows no pool would configure nothing).
    /// </summary>
    public DynamicPoolAccess? BakedInPool
    {
        get => Volatile.Read(ref _bakedInPool);
        set => Volatile.Write(ref _bakedInPool, value);
    }

    /// <summary>
    /// Boots an instance's agent as its image would: with the boot string in its user data, or, without user data,
    /// in dynamic mode with <see cref="BakedInPool"/>.
    /// </summary>
    /// <param name="instanceId">The cloud's id of the instance the agent stands for.</param>
    /// <param name="address">The address the agent reports.</param>
    /// <param name="userData">The instance's user data, if any.</param>
    /// <returns>Whether an agent was started (not when there is neither user data nor a baked-in pool).</returns>
    public bool StartForInstance(string instanceId, string address, string? userData)
    {
        if (!string.IsNullOrWhiteSpace(userData))
        {
            StartWithBootString(instanceId, address, userData);
            return true;
        }

        if (BakedInPool is { } pool)
        {
            StartDynamic(instanceId, address, pool);
            return true;
        }

        return false;
    }

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

    /// <summary>Stops the agents of one instance, as its shutdown would.</summary>
    /// <param name="instanceId">The cloud's id of the instance.</param>
    /// <param name="cancellationToken">Stops waiting for them (they were told to stop all the same).</param>
    /// <returns>A task that completes when they have stopped.</returns>
    public async Task StopAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (_byInstance.TryRemove(instanceId, out var agents))
        {
            List<RunningAgent> stopping;
            lock (agents)
            {
                stopping = [.. agents];
            }

            foreach (var agent in stopping)
            {
                await agent.Stop.CancelAsync().ConfigureAwait(false);
            }

            await Task.WhenAll(stopping.Select(a => a.Run)).WaitAsync(cancellationToken).ConfigureAwait(false);
            stopping.ForEach(a => a.Stop.Dispose());
        }
    }

    /// <summary>Stops every agent and deletes their state directories.</summary>
    /// <returns>A task that completes when they have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        var agents = _byInstance.Values.SelectMany(list =>
        {
            lock (list)
            {
                return list.ToList();
            }
        }).ToList();
        await Task.WhenAll(agents.Select(a => a.Run)).ConfigureAwait(false);
        agents.ForEach(a => a.Stop.Dispose());
        _stopping.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private void Start(string instanceId, string address, Action<ConfigAgentOptions> identify)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var number = Interlocked.Increment(ref _started);
        // Instance ids may be reused by a cloud (Deltacloud's mock driver does), so the directory also carries a number.
        var stateDirectory = Path.Combine(_root, $"{number:D5}-{string.Concat(instanceId.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'))}");
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var agent = new RunningAgent(Task.Run(() => RunAsync(instanceId, stateDirectory, address, identify, stop)), stop);
        _byInstance.AddOrUpdate(instanceId, _ => [agent], (_, list) =>
        {
            lock (list)
            {
                list.Add(agent);
            }

            return list;
        });
    }

    private async Task RunAsync(string instanceId, string stateDirectory, string address, Action<ConfigAgentOptions> identify, CancellationTokenSource stop)
    {
        var services = new ServiceCollection();
        if (_connector is not null)
        {
            // Registered as an instance: an agent's container does not dispose it when the agent stops.
            services.AddSingleton(_connector);
        }

        services.AddConfigAgent(options =>
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
            _configure?.Invoke(options);
            identify(options);
        });
        try
        {
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<IConfigAgent>().RunAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped with its instance or with all the agents.
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
