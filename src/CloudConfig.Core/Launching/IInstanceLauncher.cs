namespace CloudConfig.Core;

/// <summary>
/// Starts and stops cloud instances for the provisioner. The Deltacloud package implements it; tests and other
/// clouds can too.
/// </summary>
public interface IInstanceLauncher
{
    /// <summary>Starts one instance with the request's user data.</summary>
    /// <returns>The cloud's view of the new instance.</returns>
    Task<LaunchedInstance> LaunchAsync(InstanceLaunchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads an instance's current state, or <see langword="null"/> when the cloud no longer knows it.</summary>
    Task<LaunchedInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the instances the cloud knows by <paramref name="name"/>: usually none or one, more when a create was
    /// repeated. The provisioner names every instance after its entry's uuid
    /// (<see cref="ConfigProvisioner.InstanceNameFor"/>), so this is how a uuid alone leads to its instance, even in
    /// another process than the one that started it.
    /// </summary>
    /// <returns>The instances with exactly that name, in the cloud's order.</returns>
    Task<IReadOnlyList<LaunchedInstance>> FindByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops (where the cloud requires it) and destroys an instance. An instance the cloud no longer knows counts
    /// as terminated: the call returns without error.
    /// </summary>
    Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default);
}
