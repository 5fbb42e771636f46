namespace CloudConfig.Deltacloud;

/// <summary>The <c>instances</c> collection: list, create, act (by following links or by id), and wait for states.</summary>
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

    /// <summary>
    /// Creates one instance of <paramref name="image"/> by following the image's <c>create_instance</c> link, with the
    /// other parameters of <paramref name="request"/> (whose image must be this one), reconciled as <see cref="CreateAsync(CreateInstanceRequest, CancellationToken)"/>.
    /// <see cref="DeltacloudActionNotAvailableException"/>, before any request, when the image lists no such link.
    /// </summary>
    Task<Instance> CreateAsync(Image image, CreateInstanceRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Creates <see cref="CreateInstanceRequest.InstanceCount"/> instances; the server answers with a list.</summary>
    Task<IReadOnlyList<Instance>> CreateManyAsync(CreateInstanceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a stopped instance by following its <c>start</c> link. Failures are reconciled as <see cref="PerformActionAsync"/> says.</summary>
    Task<Instance> StartAsync(Instance instance, CancellationToken cancellationToken = default);

    /// <summary>Stops an instance by following its <c>stop</c> link. Failures are reconciled as <see cref="PerformActionAsync"/> says.</summary>
    Task<Instance> StopAsync(Instance instance, CancellationToken cancellationToken = default);

    /// <summary>Reboots an instance by following its <c>reboot</c> link. Failures are reconciled as <see cref="PerformActionAsync"/> says.</summary>
    Task<Instance> RebootAsync(Instance instance, CancellationToken cancellationToken = default);

    /// <summary>Destroys an instance by following its <c>destroy</c> link. Failures are reconciled as <see cref="PerformActionAsync"/> says.</summary>
    Task DestroyAsync(Instance instance, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts the instance with this id without reading it first (<c>POST &lt;instances&gt;/id/start</c>).
    /// <see cref="DeltacloudInvalidStateException"/> when its state does not allow it; the server answers
    /// <see cref="DeltacloudForbiddenException"/> (403) for an unknown id. Failures are reconciled as <see cref="PerformActionAsync"/> says.
    /// </summary>
    Task<Instance> StartAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stops the instance with this id without reading it first (<c>POST &lt;instances&gt;/id/stop</c>); errors as <see cref="StartAsync(string, CancellationToken)"/>.</summary>
    Task<Instance> StopAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Reboots the instance with this id without reading it first (<c>POST &lt;instances&gt;/id/reboot</c>); errors as <see cref="StartAsync(string, CancellationToken)"/>.</summary>
    Task<Instance> RebootAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Destroys the instance with this id without reading it first (<c>DELETE &lt;instances&gt;/id</c>); errors as <see cref="StartAsync(string, CancellationToken)"/>.</summary>
    Task DestroyAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Performs any action the instance lists. <see cref="DeltacloudActionNotAvailableException"/>, before any request,
    /// when it does not list it. Returns the updated instance, or <see langword="null"/> when the server answers without one.
    /// </summary>
    /// <remarks>
    /// An action is never resent blindly. After a timeout, a lost connection or a 5xx, the instance is read: when its
    /// state is one the action leads to (start: PENDING or RUNNING; stop: STOPPING, STOPPED or FINISH; destroy: gone,
    /// STOPPING or FINISH) the action took effect and that instance is returned. A reboot leaves the instance RUNNING
    /// as before, so after a lost answer a RUNNING instance counts as rebooted, and after an error answer the error
    /// stands: either way the reboot is sent once. Only when the read shows the action did not take effect and the
    /// instance still offers it is a transient failure retried, up to <see cref="DeltacloudClientOptions.MaxRetryAttempts"/>
    /// times. Actions other than these four are sent once.
    /// </remarks>
    Task<Instance?> PerformActionAsync(Instance instance, string action, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls the instance, with growing delays, until it reaches <paramref name="state"/>; <see cref="DeltacloudTimeoutException"/>
    /// after <paramref name="timeout"/>, <see cref="DeltacloudInvalidStateException"/> if it enters <c>ERROR</c> instead.
    /// </summary>
    Task<Instance> WaitForStateAsync(string id, DeltacloudInstanceState state, TimeSpan timeout, CancellationToken cancellationToken = default);
}
