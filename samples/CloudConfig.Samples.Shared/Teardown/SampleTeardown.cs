using System.Collections.Concurrent;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Samples.Shared;

/// <summary>
/// Remembers what a sample started so that it can end all of it before it exits, also after a failure or Ctrl+C:
/// every uuid it provisioned or tried to (a launch that failed or was cancelled may still have started a machine,
/// which <see cref="ConfigProvisioner.DeprovisionAsync"/> finds by its name), and every instance launched for a pool.
/// </summary>
public sealed class SampleTeardown
{
    private readonly ConfigProvisioner _provisioner;
    private readonly IInstanceLauncher _launcher;
    private readonly ConcurrentQueue<Guid> _uuids = new();
    private readonly ConcurrentQueue<string> _instanceIds = new();
    private readonly ConcurrentQueue<string> _instanceNames = new();

    /// <summary>Creates a teardown over the provisioner and the launcher it uses.</summary>
    /// <param name="provisioner">The provisioner.</param>
    /// <param name="launcher">The launcher, for instances started outside the provisioner's naming (pools).</param>
    public SampleTeardown(ConfigProvisioner provisioner, IInstanceLauncher launcher)
    {
        ArgumentNullException.ThrowIfNull(provisioner);
        ArgumentNullException.ThrowIfNull(launcher);
        _provisioner = provisioner;
        _launcher = launcher;
    }

    /// <summary>A teardown over the app's services.</summary>
    /// <param name="services">The app's services (<c>AddCloudConfig</c> with a cache and a launcher).</param>
    /// <returns>The teardown.</returns>
    public static SampleTeardown For(IServiceProvider services) =>
        new(services.GetRequiredService<ConfigProvisioner>(), services.GetRequiredService<IInstanceLauncher>());

    /// <summary>Provisions one instance and remembers its uuid, whatever the outcome.</summary>
    /// <param name="request">What to start.</param>
    /// <param name="cancellationToken">Cancels the provisioning (not the teardown).</param>
    /// <returns>The provisioned instance.</returns>
    public async Task<ProvisionedInstance> ProvisionAsync(ProvisionRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            var provisioned = await _provisioner.ProvisionAsync(request, cancellationToken).ConfigureAwait(false);
            _uuids.Enqueue(provisioned.Uuid);
            return provisioned;
        }
        catch (ProvisioningException e)
        {
            _uuids.Enqueue(e.Uuid);
            throw;
        }
    }

    /// <summary>Remembers the uuid of one result of <see cref="ConfigProvisioner.ProvisionManyAsync"/>, failed ones included.</summary>
    /// <param name="result">The result.</param>
    public void Track(ProvisionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if ((result.Instance?.Uuid ?? (result.Error as ProvisioningException)?.Uuid) is { } uuid && uuid != Guid.Empty)
        {
            _uuids.Enqueue(uuid);
        }
    }

    /// <summary>Remembers entries to remove (a dynamic pool's).</summary>
    /// <param name="uuids">The uuids.</param>
    public void TrackEntries(IEnumerable<Guid> uuids)
    {
        ArgumentNullException.ThrowIfNull(uuids);
        foreach (var uuid in uuids)
        {
            _uuids.Enqueue(uuid);
        }
    }

    /// <summary>Launches an instance for a pool and remembers it; if the launch fails, remembers its name to look for.</summary>
    /// <param name="request">What to start; it must carry a unique name.</param>
    /// <param name="cancellationToken">Cancels the launch.</param>
    /// <returns>The instance.</returns>
    public async Task<LaunchedInstance> LaunchForPoolAsync(InstanceLaunchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Name);
        try
        {
            var instance = await _provisioner.LaunchForPoolAsync(request, cancellationToken).ConfigureAwait(false);
            _instanceIds.Enqueue(instance.InstanceId);
            return instance;
        }
        catch (Exception)
        {
            _instanceNames.Enqueue(request.Name);
            throw;
        }
    }

    /// <summary>Ends everything remembered: pool instances first, then every uuid through <see cref="ConfigProvisioner.DeprovisionManyAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the teardown itself (leave it uncancelled unless the user insists).</param>
    /// <returns>What was ended and what was not.</returns>
    public async Task<TeardownReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var failures = new List<string>();
        var terminated = 0;
        var ids = _instanceIds.Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in _instanceNames.Distinct(StringComparer.Ordinal))
        {
            try
            {
                ids.AddRange((await _launcher.FindByNameAsync(name, cancellationToken).ConfigureAwait(false)).Select(i => i.InstanceId));
            }
#pragma warning disable CA1031 // Every failure is reported; the teardown goes on with the rest.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"instance '{name}' may still run: looking it up failed ({e.Message})");
            }
        }

        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            try
            {
                await _launcher.TerminateAsync(id, cancellationToken).ConfigureAwait(false);
                terminated++;
            }
#pragma warning disable CA1031 // Every failure is reported; the teardown goes on with the rest.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"instance {id} may still run: {e.Message}");
            }
        }

        var results = await _provisioner.DeprovisionManyAsync([.. _uuids.Distinct()], cancellationToken: cancellationToken).ConfigureAwait(false);
        terminated += results.Sum(r => r.Instance?.TerminatedInstanceIds.Count ?? 0);
        failures.AddRange(results.Where(r => !r.Succeeded).Select(r => $"{r.Uuid}: {r.Error!.Message}"));
        return new TeardownReport(terminated, results.Count(r => r.Instance?.EntryRemoved == true), failures);
    }
}
