using System.Collections.Concurrent;
using System.Globalization;
using CloudConfig.Core;
using CloudConfig.Testing;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// One cloud's instance API for the provisioner: image <see cref="ProcessImage"/> boots an instance as an agent process
/// in a namespace of its own (while namespaces are left), image <see cref="InProcessImage"/> runs the agent in this
/// process, reaching the cloud through <paramref name="poolForwarderPort"/>'s forwarder. Terminating an instance
/// stops its agent.
/// </summary>
internal sealed class NamespaceCloudLauncher(CloudNetwork network, int poolForwarderPort, string stateRoot) : IInstanceLauncher, IAsyncDisposable
{
    public const string ProcessImage = "agent-process";
    public const string InProcessImage = "agent-in-process";
    private readonly ConcurrentDictionary<string, Booted> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<InstanceNetwork> _freeNamespaces = new(network.Instances);
    private readonly ForwardingConnector _connector = new(poolForwarderPort);
    private readonly string _stateRoot = Directory.CreateDirectory(stateRoot).FullName;
    private int _launched;
    private LocalAgents? _inProcess;

    /// <summary>The instances booted as agent processes, by instance id.</summary>
    public IReadOnlyDictionary<string, InstanceNetwork> Processes =>
        _instances.Where(i => i.Value.Network is not null).ToDictionary(i => i.Key, i => i.Value.Network!, StringComparer.Ordinal);

    /// <summary>The in-process agents that stopped with an error, for failure messages.</summary>
    public IReadOnlyCollection<string> InProcessFailures => _inProcess?.Failures ?? [];

    /// <summary>What the agent processes wrote, for failure messages.</summary>
    public string ProcessOutput => string.Join("\n", _instances.Where(i => i.Value.Process is not null).Select(i => $"--- {i.Key}\n{i.Value.Process!.Out}"));

    public Task<LaunchedInstance> LaunchAsync(InstanceLaunchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = $"{network.Domain}-{Interlocked.Increment(ref _launched).ToString(CultureInfo.InvariantCulture)}";
        var bootString = request.UserData ?? throw new InvalidOperationException("Every instance here is booted with a boot string.");
        Booted booted;
        if (request.ImageId == ProcessImage)
        {
            if (!_freeNamespaces.TryDequeue(out var instance))
            {
                throw new InvalidOperationException($"No namespace left for another agent process in {network.Domain}.");
            }

            booted = new Booted(request.Name, instance, AgentProcessLaunch.Start(instance, bootString, Path.Combine(_stateRoot, id)));
        }
        else
        {
            InProcess().StartWithBootString(id, network.PoolAddress.ToString(), bootString);
            booted = new Booted(request.Name, null, null);
        }

        _instances[id] = booted;
        return Task.FromResult(Describe(id, booted));
    }

    public Task<LaunchedInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_instances.TryGetValue(instanceId, out var booted) ? Describe(instanceId, booted) : null);

    public Task<IReadOnlyList<LaunchedInstance>> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LaunchedInstance>>([.. _instances.Where(i => i.Value.Name == name).Select(i => Describe(i.Key, i.Value))]);

    public async Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (_instances.TryRemove(instanceId, out var booted))
        {
            booted.Process?.Dispose();
            if (booted.Process is null && _inProcess is not null)
            {
                await _inProcess.StopAsync(instanceId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var booted in _instances.Values)
        {
            booted.Process?.Dispose();
        }

        if (_inProcess is not null)
        {
            await _inProcess.DisposeAsync();
        }

        _connector.Dispose();
        Directory.Delete(_stateRoot, recursive: true);
    }

    private LocalAgents InProcess()
    {
        lock (_instances)
        {
            return _inProcess ??= new LocalAgents(_connector);
        }
    }

    private static LaunchedInstance Describe(string id, Booted booted) => new(id, "RUNNING")
    {
        Name = booted.Name,
        PrivateAddresses = booted.Network is { } network ? [network.Address.ToString()] : [],
    };

    private sealed record Booted(string? Name, InstanceNetwork? Network, RunningChild? Process);
}
