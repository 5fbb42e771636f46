namespace CloudConfig.Deltacloud;

/// <summary>The <c>instances</c> collection: list, create, act by following links, and wait for states.</summary>
public interface IInstancesClient
{
    /// <summary>Lists instances, optionally filtered by id, state or realm.</summary>
    Task<IReadOnlyList<Instance>> ListAsync(InstanceQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one instance; <see cref="DeltacloudNotFoundException"/> when it does not exist.</summary>
    Task<Instance> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates one instance. The user data is base64-encoded and checked against the size limit before anything is
    /// sent. The create is never blindly retried: after a timeout or a server error, an instance with the request's
    /// name is looked up and returned if the server made it.
    /// </summary>
    Task<Instance> CreateAsync(CreateInstanceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates <see cref="CreateInstanceRequest.InstanceCount"/> instances; the server answers with a list.</summary>
    Task<IReadOnlyList<Instance>> CreateManyAsync(CreateInstanceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a stopped instance by following its <c>start</c> link.</summary>
    Task<Instance> StartAsync(Instance instance, CancellationToken cancellationToken = default);

    /// <summary>Stops an instance by following its <c>stop</c> link.</summary>
    Task<Instance> StopAsync(Instance instance, CancellationToken cancellationToken = default);

    /// <summary>Reboots an instance by following its <c>reboot</c> link.</summary>
    Task<Instance> RebootAsync(Instance instance, CancellationToken cancellationToken = default);

    /// <summary>Destroys an instance by following its <c>destroy</c> link.</summary>
    Task DestroyAsync(Instance instance, CancellationToken cancellationToken = default);

    /// <summary>
    /// Performs any action the instance lists. <see cref="DeltacloudActionNotAvailableException"/>, before any request,
    /// when it does not list it. Returns the updated instance, or <see langword="null"/> when the server answers without one.
    /// </summary>
    Task<Instance?> PerformActionAsync(Instance instance, string action, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls the instance, with growing delays, until it reaches <paramref name="state"/>; <see cref="DeltacloudTimeoutException"/>
    /// after <paramref name="timeout"/>, <see cref="DeltacloudInvalidStateException"/> if it enters <c>ERROR</c> instead.
    /// </summary>
    Task<Instance> WaitForStateAsync(string id, DeltacloudInstanceState state, TimeSpan timeout, CancellationToken cancellationToken = default);
}
