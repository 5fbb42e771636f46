using System.Diagnostics;
using CloudConfig.Core;

namespace CloudConfig.Samples.Shared;

/// <summary>
/// The main job: three instances with different configurations (web, db, cache), one provisioning call each; wait until
/// they are configured; then push a new configuration to the web instance and wait until it is applied.
/// </summary>
/// <param name="provisioner">The provisioner (cache + launcher).</param>
/// <param name="launch">Where to start the instances.</param>
/// <param name="timeout">How long each instance may take to configure.</param>
public sealed class QuickStartScenario(ConfigProvisioner provisioner, SampleLaunch launch, TimeSpan timeout)
{
    /// <summary>Runs it.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What happened; any failure throws with a readable message.</returns>
    public async Task<QuickStartResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var provisioned = await Task.WhenAll(SampleConfigurations.Roles.Select(role =>
            provisioner.ProvisionAsync(new ProvisionRequest(launch.ToRequest(), SampleConfigurations.ForRole(role)), cancellationToken))).ConfigureAwait(false);
        var configured = await Task.WhenAll(provisioned.Select(p =>
            provisioner.WaitUntilConfiguredAsync(p.Uuid, timeout, cancellationToken))).ConfigureAwait(false);
        var provisionTime = Stopwatch.GetElapsedTime(started);
        var rows = provisioned.Zip(configured, (p, entry) => new InstanceRow(p.Uuid, p.InstanceId, entry)).ToList();

        var web = rows[0];
        started = Stopwatch.GetTimestamp();
        var updated = await provisioner.UpdateConfigurationAsync(web.Uuid, SampleConfigurations.ForRole("web", version: 2), timeout, cancellationToken).ConfigureAwait(false);
        var updateTime = Stopwatch.GetElapsedTime(started);
        if (updated.Status.AppliedGeneration != 2 || !updated.Parameters.TryGetValue("tls", out var tls) || tls.ToString() != "true")
        {
            throw new InvalidOperationException(
                $"Instance {web.InstanceId} reported generation {updated.Status.AppliedGeneration?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} "
                + "without the parameter tls=true that configuration 2 writes.");
        }

        return new QuickStartResult(rows, provisionTime, web with { Entry = updated }, updateTime);
    }
}
