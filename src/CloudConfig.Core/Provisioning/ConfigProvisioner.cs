using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudConfig.Core;

/// <summary>
/// Provisions instances that configure themselves, in one call: registers the configuration under a fresh uuid
/// and secret, starts the instance with the boot string as user data, and cleans up after every failure so that
/// no secret is orphaned and no machine leaks silently.
/// </summary>
public sealed partial class ConfigProvisioner
{
    private readonly IConfigRegistry _registry;
    private readonly IInstanceLauncher _launcher;
    private readonly ProvisioningOptions _options;
    private readonly RendezvousAddress _rendezvous;
    private readonly CertificateFingerprint? _fingerprint;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ProvisioningTelemetry _telemetry;

    /// <summary>Creates a provisioner.</summary>
    /// <param name="registry">Where configurations are registered.</param>
    /// <param name="launcher">What starts and ends instances.</param>
    /// <param name="options">The provisioning options.</param>
    /// <param name="timeProvider">The clock; the system's by default.</param>
    /// <param name="logger">The logger; none by default.</param>
    /// <param name="meterFactory">
    /// Creates the meter <c>CloudConfig.Core</c> (<c>AddCloudConfig</c> passes the host's); without one, a meter shared
    /// by the process is used.
    /// </param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public ConfigProvisioner(
        IConfigRegistry registry,
        IInstanceLauncher launcher,
        IOptions<ProvisioningOptions> options,
        TimeProvider? timeProvider = null,
        ILogger<ConfigProvisioner>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(options);
        var validation = new ProvisioningOptionsValidator().Validate(Options.DefaultName, options.Value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ProvisioningOptions), validation.Failures);
        }

        _registry = registry;
        _launcher = launcher;
        _options = options.Value;
        _rendezvous = RendezvousAddress.Parse(_options.RendezvousAddress!);
        _fingerprint = _options.CertificateFingerprint is { } fp ? CertificateFingerprint.Parse(fp) : null;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<ConfigProvisioner>.Instance;
        _telemetry = new ProvisioningTelemetry(meterFactory);
    }

    /// <summary>
    /// Registers the request's configuration under a new uuid and secret and starts the instance with the boot
    /// string as its user data. The secret is never returned or logged.
    /// </summary>
    /// <exception cref="ProvisioningException">
    /// A step failed. If registration failed, nothing was started; if the launch failed, the entry was removed; if a
    /// step after the launch failed, the instance was destroyed, or <see cref="ProvisioningException.InstanceStillRunning"/> says it was not.
    /// </exception>
    public async Task<ProvisionedInstance> ProvisionAsync(ProvisionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Launch);
        if (request.Launch.Name is not null)
        {
            throw new ArgumentException(
                $"Launch.Name must be null: the provisioner names each instance after its uuid (cloudconfig-<uuid>), so that a lost create can be reconciled and DeprovisionAsync can find the instance from the uuid alone (was '{request.Launch.Name}').",
                nameof(request));
        }

        var uuid = Guid.NewGuid();
        // The root of the provisioning trace: registration, the launch (the cloud's create) and every call they make.
        using var activity = ProvisioningTelemetry.Start("provision", uuid);
        try
        {
            var bootSecret = Secret.Generate();
            await RegisterAsync(uuid, bootSecret, request, cancellationToken).ConfigureAwait(false);

            // A unique name lets a launcher find the instance again if the create's answer is lost, and teardown from the uuid.
            var launch = request.Launch with
            {
                Name = InstanceNameFor(uuid),
                UserData = BootString.Create(uuid, _rendezvous, bootSecret, _fingerprint).Format(),
            };
            var instance = await LaunchAsync(uuid, launch, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("cloudconfig.instance.id", instance.InstanceId);
            await CheckLaunchedAsync(uuid, instance, cancellationToken).ConfigureAwait(false);
            Log.Provisioned(_logger, uuid, instance.InstanceId);
            _telemetry.Provisioned();
            return new ProvisionedInstance(uuid, instance);
        }
        catch (ProvisioningException e)
        {
            CloudConfigTelemetry.RecordFailure(activity, e.InnerException ?? e);
            _telemetry.Failed(e.Stage, e.InnerException ?? e);
            throw;
        }
    }

    /// <summary>
    /// The name the provisioner gives the instance it starts for <paramref name="uuid"/>: <c>cloudconfig-</c> and the
    /// uuid's 32 hexadecimal digits. Unique per entry, and all a later process needs to find the instance again.
    /// </summary>
    public static string InstanceNameFor(Guid uuid) => $"cloudconfig-{uuid:N}";

    private async Task RegisterAsync(Guid uuid, Secret bootSecret, ProvisionRequest request, CancellationToken cancellationToken)
    {
        var registration = ConfigRegistration.ForBootSecret(uuid, request.Configuration, bootSecret) with
        {
            Domain = request.Domain ?? _options.DefaultDomain,
            ConfigHosts = request.ConfigHosts,
        };
        using var activity = ProvisioningTelemetry.Start("register", uuid);
        try
        {
            await _registry.PreRegisterAsync(registration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            CloudConfigTelemetry.RecordFailure(activity, e);
            // A remote registry may have stored the entry before the failure reached us.
            var removed = await TryRemoveEntryAsync(uuid).ConfigureAwait(false);
            Log.RegisterFailed(_logger, e, uuid);
            throw new ProvisioningException($"Registering the configuration of {uuid} failed; no instance was started.", ProvisioningStage.Register, uuid, e)
            {
                EntryLeftBehind = !removed,
            };
        }
    }

    private async Task<LaunchedInstance> LaunchAsync(Guid uuid, InstanceLaunchRequest launch, CancellationToken cancellationToken)
    {
        using var activity = ProvisioningTelemetry.Start("launch", uuid);
        try
        {
            var instance = await _launcher.LaunchAsync(launch, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("cloudconfig.instance.id", instance.InstanceId);
            return instance;
        }
        catch (Exception e)
        {
            CloudConfigTelemetry.RecordFailure(activity, e);
            var removed = await TryRemoveEntryAsync(uuid).ConfigureAwait(false);
            Log.LaunchFailed(_logger, e, uuid, launch.Name!);
            var message = e is OperationCanceledException
                ? $"Cancelled while starting instance '{launch.Name}' for {uuid}. The cloud may have started it: DeprovisionAsync({uuid}) finds it by that name and destroys it. Its entry was {(removed ? "removed" : "NOT removed")}."
                : $"Starting instance '{launch.Name}' for {uuid} failed; its entry was {(removed ? "removed" : "NOT removed")}.";
            throw new ProvisioningException(message, ProvisioningStage.Launch, uuid, e) { EntryLeftBehind = !removed };
        }
    }

    private async Task CheckLaunchedAsync(Guid uuid, LaunchedInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.Equals(instance.State, "ERROR", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The cloud reports instance {instance.InstanceId} in state ERROR.");
            }
        }
        catch (Exception e)
        {
            var destroyed = await TryTerminateAsync(instance.InstanceId).ConfigureAwait(false);
            var removed = await TryRemoveEntryAsync(uuid).ConfigureAwait(false);
            var fate = destroyed ? "was destroyed" : "COULD NOT BE DESTROYED and is still running";
            throw new ProvisioningException($"Provisioning {uuid} failed after instance {instance.InstanceId} started; the instance {fate}.", ProvisioningStage.AfterLaunch, uuid, e)
            {
                InstanceId = instance.InstanceId,
                InstanceStillRunning = !destroyed,
                EntryLeftBehind = !removed,
            };
        }
    }

    private async Task<bool> TryRemoveEntryAsync(Guid uuid)
    {
        try
        {
            // Clean-up runs even when the caller cancelled: leaving the entry behind is what we must avoid.
            await _registry.RemoveAsync(uuid, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // A failed clean-up is reported in the ProvisioningException, whatever its type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.CleanupFailed(_logger, e, uuid, "remove the entry");
            return false;
        }
    }

    private async Task<bool> TryTerminateAsync(string instanceId)
    {
        try
        {
            await _launcher.TerminateAsync(instanceId, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // A failed destroy is reported as "still running", whatever its type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.TerminateFailed(_logger, e, instanceId);
            return false;
        }
    }
}
