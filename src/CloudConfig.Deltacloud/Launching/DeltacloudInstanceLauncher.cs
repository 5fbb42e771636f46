using CloudConfig.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudConfig.Deltacloud;

/// <summary>Starts instances through Deltacloud with the boot string as user data, and tears them down by following links.</summary>
public sealed class DeltacloudInstanceLauncher : IInstanceLauncher
{
    private static readonly Dictionary<string, Func<CreateInstanceRequest, string, CreateInstanceRequest>> Overrides = new(StringComparer.Ordinal)
    {
        ["memory"] = (r, v) => r with { Memory = v },
        ["cpu"] = (r, v) => r with { Cpu = v },
        ["storage"] = (r, v) => r with { Storage = v },
        ["architecture"] = (r, v) => r with { Architecture = v },
    };

    private readonly IDeltacloudClient _client;
    private readonly DeltacloudLauncherOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a launcher over a client.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public DeltacloudInstanceLauncher(IDeltacloudClient client, DeltacloudLauncherOptions? options = null, ILogger<DeltacloudInstanceLauncher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new DeltacloudLauncherOptions();
        var validation = new DeltacloudLauncherOptionsValidator().Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(DeltacloudLauncherOptions), validation.Failures);
        }
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task<LaunchedInstance> LaunchAsync(InstanceLaunchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = DeltacloudTelemetry.Start("create_instance");
        activity?.SetTag("cloudconfig.instance.name", request.Name);
        try
        {
            var launched = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("cloudconfig.instance.id", launched.InstanceId);
            return launched;
        }
        catch (Exception e) when (activity is not null)
        {
            CloudConfigTelemetry.RecordFailure(activity, e);
            throw;
        }
    }

    private async Task<LaunchedInstance> CreateAsync(InstanceLaunchRequest request, CancellationToken cancellationToken)
    {
        var create = ToCreateRequest(request);
        if (request.UserData is not null)
        {
            var entryPoint = await _client.GetEntryPointAsync(cancellationToken).ConfigureAwait(false);
            if (!entryPoint.HasFeature(DeltacloudRoutes.Instances, DeltacloudFeatureNames.UserData))
            {
                if (_options.RequireUserDataFeature)
                {
                    throw new DeltacloudFeatureNotSupportedException(
                        $"Driver {entryPoint.Driver} does not advertise user_data and strict mode is on; no instance was created.");
                }

                _logger.UserDataNotAdvertised(entryPoint.Driver);
            }
        }

        var instance = await _client.Instances.CreateAsync(create, cancellationToken).ConfigureAwait(false);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            // The request's text is only worth building for a log that takes it.
            _logger.Launched(instance.Id, instance.State.Name, request.ToString());
        }

        return ToLaunched(instance);
    }

    /// <inheritdoc />
    public async Task<LaunchedInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        try
        {
            return ToLaunched(await _client.Instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false));
        }
        catch (DeltacloudNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>Deltacloud filters instances by id, state and realm only, so this lists them and compares names exactly.</remarks>
    public async Task<IReadOnlyList<LaunchedInstance>> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var activity = DeltacloudTelemetry.Start("find_instances");
        activity?.SetTag("cloudconfig.instance.name", name);
        var all = await _client.Instances.ListAsync(null, cancellationToken).ConfigureAwait(false);
        return [.. all.Where(i => string.Equals(i.Name, name, StringComparison.Ordinal)).Select(ToLaunched)];
    }

    /// <inheritdoc />
    public async Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        using var activity = DeltacloudTelemetry.Start("terminate_instance");
        activity?.SetTag("cloudconfig.instance.id", instanceId);
        Instance instance;
        try
        {
            instance = await _client.Instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        }
        catch (DeltacloudNotFoundException)
        {
            return;
        }

        _logger.Terminating(instance.Id, instance.State.Name);

        // A machine still booting lists no action yet (the mock driver's PENDING); it gets stop or destroy once it runs.
        if (!instance.CanPerform(InstanceActions.Destroy) && !instance.CanPerform(InstanceActions.Stop) && instance.State == DeltacloudInstanceState.Pending)
        {
            instance = await _client.Instances.WaitForStateAsync(instance.Id, DeltacloudInstanceState.Running, _options.StopTimeout, cancellationToken).ConfigureAwait(false);
        }

        // Many drivers only allow destroy once stopped; the links say which.
        if (!instance.CanPerform(InstanceActions.Destroy) && instance.CanPerform(InstanceActions.Stop))
        {
            instance = await _client.Instances.StopAsync(instance, cancellationToken).ConfigureAwait(false);
            if (!instance.CanPerform(InstanceActions.Destroy))
            {
                instance = await _client.Instances.WaitForStateAsync(instance.Id, DeltacloudInstanceState.Stopped, _options.StopTimeout, cancellationToken).ConfigureAwait(false);
            }
        }

        await _client.Instances.DestroyAsync(instance, cancellationToken).ConfigureAwait(false);
    }

    private static CreateInstanceRequest ToCreateRequest(InstanceLaunchRequest request)
    {
        var create = new CreateInstanceRequest(request.ImageId)
        {
            Name = request.Name,
            HardwareProfileId = request.HardwareProfileId,
            RealmId = request.RealmId,
            KeyName = request.KeyName,
            UserData = request.UserData,
        };
        foreach (var (name, value) in request.HardwareProfileOverrides)
        {
            if (!Overrides.TryGetValue(name, out var apply))
            {
                throw new ArgumentException($"Unknown hardware profile override '{name}'; use {string.Join(", ", Overrides.Keys)}.", nameof(request));
            }

            create = apply(create, value);
        }

        return create;
    }

    private static LaunchedInstance ToLaunched(Instance instance) => new(instance.Id, instance.State.Name)
    {
        Name = instance.Name,
        PublicAddresses = Values(instance.PublicAddresses),
        PrivateAddresses = Values(instance.PrivateAddresses),
    };

    // A loop rather than Select/ToList: this runs once per launched instance, on the provisioning path.
    private static List<string> Values(IReadOnlyList<InstanceAddress> addresses)
    {
        var values = new List<string>(addresses.Count);
        for (var i = 0; i < addresses.Count; i++)
        {
            values.Add(addresses[i].Value);
        }

        return values;
    }
}
