using CloudConfig.Core;

namespace CloudConfig.Testing;

/// <summary>
/// An <see cref="IInstanceLauncher"/> decorator for clouds that boot nothing (Deltacloud's mock driver): after the
/// inner launcher started an instance, it runs that instance's agent here, with the user data it was given (or the
/// agents' <see cref="LocalAgents.BakedInPool"/> when there is none). Works with any launcher.
/// </summary>
public sealed class LocalAgentLauncher : IInstanceLauncher
{
    private readonly IInstanceLauncher _inner;
    private readonly LocalAgents _agents;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The launcher that talks to the cloud.</param>
    /// <param name="agents">Where the agents run.</param>
    public LocalAgentLauncher(IInstanceLauncher inner, LocalAgents agents)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(agents);
        _inner = inner;
        _agents = agents;
    }

    /// <inheritdoc />
    public async Task<LaunchedInstance> LaunchAsync(InstanceLaunchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instance = await _inner.LaunchAsync(request, cancellationToken).ConfigureAwait(false);
        // A machine the cloud reports broken never boots, so it gets no agent either.
        if (!string.Equals(instance.State, "ERROR", StringComparison.OrdinalIgnoreCase))
        {
            _agents.StartForInstance(instance.InstanceId, AddressOf(instance), request.UserData);
        }

        return instance;
    }

    /// <inheritdoc />
    public Task<LaunchedInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        _inner.GetAsync(instanceId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LaunchedInstance>> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        _inner.FindByNameAsync(name, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The agent stops first, as it would when its machine shuts down, then the inner launcher terminates the instance.</remarks>
    public async Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        await _agents.StopAsync(instanceId, cancellationToken).ConfigureAwait(false);
        await _inner.TerminateAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The address an agent reports for an instance: its private address, else its public one, else loopback.</summary>
    /// <param name="instance">The instance.</param>
    /// <returns>The address.</returns>
    public static string AddressOf(LaunchedInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.PrivateAddresses.FirstOrDefault() ?? instance.PublicAddresses.FirstOrDefault() ?? "127.0.0.1";
    }
}
