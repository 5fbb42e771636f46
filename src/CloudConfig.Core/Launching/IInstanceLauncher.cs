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

    /// <summary>Stops (where the cloud requires it) and destroys an instance.</summary>
    Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default);
}
