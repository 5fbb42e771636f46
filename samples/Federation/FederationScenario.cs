using System.Diagnostics;
using CloudConfig.Core;
using CloudConfig.Samples.Shared;

namespace Federation;

/// <summary>
/// The sample's story: instances provisioned into both clouds by domain; the link to one cloud cut; on premises
/// the app keeps reading reports (its view of that cloud ages), updates an instance there and registers more into
/// both clouds (the cut cloud's wait); the link restored; everything arrives. Its result says whether anything was lost.
/// </summary>
internal sealed class FederationScenario(FederatedSites sites, int count, TimeSpan outage, TimeSpan timeout)
{
    private static readonly SampleLaunch Launch = new();
    private readonly List<Provisioned> _provisioned = [];

    public async Task<FederationResult> RunAsync(string cutCloud, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var cloud in sites.Clouds)
        {
            await ProvisionAsync(cloud, "before", cancellationToken);
        }

        await WaitUntilConfiguredAsync(_provisioned, cancellationToken);
        Report.Provisioned(_provisioned.Count, sites.Clouds.Count, Stopwatch.GetElapsedTime(started));

        var link = sites.Federation[cutCloud].Link;
        link.Cut();
        var cutAt = Stopwatch.GetTimestamp();
        var down = await WaitForLinkAsync(cutCloud, up: false, cancellationToken);
        Report.LinkDown(cutCloud, down, await sites.Registry.GetLinkStatusAsync(sites.Clouds.First(c => c.Domain != cutCloud).Domain, cancellationToken));

        // While it is down: the reports already in are read from the local mirror, an update and new registrations wait.
        var readable = 0;
        foreach (var instance in _provisioned.Where(p => p.Cloud.Domain == cutCloud))
        {
            readable += await sites.Registry.GetAsync(instance.Uuid, cancellationToken) is { Status.State: InstanceState.Configured } ? 1 : 0;
        }

        Report.ReadWhileDown(cutCloud, readable, _provisioned.Count(p => p.Cloud.Domain == cutCloud));
        var updated = _provisioned.First(p => p.Cloud.Domain == cutCloud);
        await updated.Cloud.Provisioner.UpdateConfigurationAsync(updated.Uuid, Script(updated.Cloud.Domain, "updated"), cancellationToken: cancellationToken);
        updated.Generation = 2;
        var registeredMeanwhile = Stopwatch.GetTimestamp();
        foreach (var cloud in sites.Clouds)
        {
            await ProvisionAsync(cloud, "during", cancellationToken);
        }

        var elsewhere = _provisioned.Where(p => p.Cloud.Domain != cutCloud).ToList();
        await WaitUntilConfiguredAsync(elsewhere, cancellationToken);
        Report.OtherCloudsWorked(elsewhere.Count, Stopwatch.GetElapsedTime(registeredMeanwhile), _provisioned.Count(p => p.Cloud.Domain == cutCloud && p.Phase == "during"), updated.Uuid);
        while (Stopwatch.GetElapsedTime(cutAt) < outage)
        {
            await Task.Delay(100, cancellationToken);
        }

        link.Restore();
        var restoredAt = Stopwatch.GetTimestamp();
        await WaitUntilConfiguredAsync(_provisioned, cancellationToken);
        var caughtUp = Stopwatch.GetElapsedTime(restoredAt);
        await WaitForLinkAsync(cutCloud, up: true, cancellationToken);
        Report.Restored(cutCloud, Stopwatch.GetElapsedTime(cutAt, restoredAt), caughtUp);

        var rows = new List<FederationRow>();
        foreach (var instance in _provisioned)
        {
            rows.Add(new FederationRow(instance.Cloud.Domain, instance.Phase, new InstanceRow(instance.Uuid, instance.InstanceId, (await sites.Registry.GetAsync(instance.Uuid, cancellationToken))!)));
        }

        var lost = _provisioned.Count(p => !IsConfigured(p, rows.Single(r => r.Instance.Uuid == p.Uuid).Instance.Entry));
        return new FederationResult(rows, lost);
    }

    private async Task ProvisionAsync(CloudSite cloud, string phase, CancellationToken cancellationToken)
    {
        var requests = Enumerable.Range(1, count).Select(i => new ProvisionRequest(Launch.ToRequest(), Script(cloud.Domain, $"{phase}-{i}"))).ToList();
        foreach (var result in await cloud.Provisioner.ProvisionManyAsync(requests, cancellationToken: cancellationToken))
        {
            cloud.Teardown.Track(result);
            var instance = result.Instance ?? throw result.Error!;
            _provisioned.Add(new Provisioned(cloud, phase, instance.Uuid, instance.InstanceId));
        }
    }

    private async Task WaitUntilConfiguredAsync(IReadOnlyList<Provisioned> instances, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var instance in instances)
        {
            while (!IsConfigured(instance, await sites.Registry.GetAsync(instance.Uuid, cancellationToken)))
            {
                if (Stopwatch.GetElapsedTime(started) > timeout)
                {
                    throw new TimeoutException($"{instance.InstanceId} in {instance.Cloud.Domain} did not report generation {instance.Generation} within {timeout.TotalSeconds} s.{AgentFailures()}");
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private async Task<CloudConfig.Cache.Nats.CloudLinkStatus> WaitForLinkAsync(string cloud, bool up, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var status = await sites.Registry.GetLinkStatusAsync(cloud, cancellationToken);
            if (status.IsUp == up)
            {
                return status;
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"The link to {cloud} was not {(up ? "up" : "down")} within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private string AgentFailures() =>
        string.Concat(sites.Clouds.SelectMany(c => c.Agents.Failures).Take(5).Select(f => $"\n  agent stopped: {f}"));

    private static bool IsConfigured(Provisioned instance, ConfigEntry? entry) =>
        entry is { Status.State: InstanceState.Configured, Status.ExitCode: 0 }
        && entry.Generation == instance.Generation
        && entry.Parameters.GetValueOrDefault("applied_generation") == ParameterValue.FromInteger(instance.Generation);

    /// <summary>The configuration: a script reporting its cloud, what it is, and the generation it applied.</summary>
    private static ConfigurationContent Script(string cloud, string what) => ConfigurationContent.FromText($"""
        echo "cloud={cloud}" >> "$CLOUDCONFIG_PARAMETERS_FILE"
        echo "what={what}" >> "$CLOUDCONFIG_PARAMETERS_FILE"
        echo "applied_generation=$CLOUDCONFIG_GENERATION" >> "$CLOUDCONFIG_PARAMETERS_FILE"
        """, "text/x-shellscript");

    private sealed record Provisioned(CloudSite Cloud, string Phase, Guid Uuid, string InstanceId)
    {
        public long Generation { get; set; } = 1;
    }
}

/// <summary>One instance in the final table: its cloud, when it was registered, and what it reported.</summary>
internal sealed record FederationRow(string Cloud, string Phase, InstanceRow Instance);

/// <summary>What the run ended with.</summary>
internal sealed record FederationResult(IReadOnlyList<FederationRow> Rows, int Lost);
