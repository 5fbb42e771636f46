using System.Collections.Concurrent;
using System.Diagnostics;
using CloudConfig.Core;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// Every instance the app provisioned in the test, with what it should end up reporting: its uuid, its own address
/// (an agent process's interface, or the pool's for one in process), the generation it should apply, whether it was
/// removed. Provisioning goes through each cloud's <see cref="ConfigProvisioner"/>, as an app would.
/// </summary>
internal sealed class Fleet(FederatedDeployment deployment)
{
    private readonly ConcurrentDictionary<Guid, FleetInstance> _instances = new();

    public IReadOnlyCollection<FleetInstance> All => [.. _instances.Values];

    public IEnumerable<FleetInstance> Live => _instances.Values.Where(i => !i.Removed);

    public FleetInstance this[Guid uuid] => _instances[uuid];

    /// <summary>The configuration every instance gets: a script that reports its uuid, cloud, generation and a value.</summary>
    public static ConfigurationContent Script(string cloud, string value) => ConfigurationContent.FromText($"""
        echo "uuid=$CLOUDCONFIG_UUID" >> "$CLOUDCONFIG_PARAMETERS_FILE"
        echo "applied_generation=$CLOUDCONFIG_GENERATION" >> "$CLOUDCONFIG_PARAMETERS_FILE"
        echo "cloud={cloud}" >> "$CLOUDCONFIG_PARAMETERS_FILE"
        echo "value={value}" >> "$CLOUDCONFIG_PARAMETERS_FILE"
        """, "text/x-shellscript");

    /// <summary>Provisions <paramref name="processes"/> agent processes and <paramref name="inProcess"/> in-process instances into <paramref name="cloud"/>.</summary>
    public async Task<IReadOnlyList<FleetInstance>> ProvisionAsync(string cloud, int processes, int inProcess, string phase)
    {
        var site = deployment[cloud];
        var requests = Enumerable.Range(0, processes + inProcess)
            .Select(i => new ProvisionRequest(
                new InstanceLaunchRequest(i < processes ? NamespaceCloudLauncher.ProcessImage : NamespaceCloudLauncher.InProcessImage),
                Script(cloud, $"{phase}-{i}")) { Domain = cloud })
            .ToList();
        var results = await deployment.ProvisionerFor(cloud).ProvisionManyAsync(requests);
        var failures = results.Where(r => !r.Succeeded).Select(r => r.Error!.ToString()).ToList();
        Assert.True(failures.Count == 0, $"provisioning in {cloud} failed:\n{string.Join("\n", failures)}");
        var provisioned = new List<FleetInstance>();
        foreach (var result in results)
        {
            var launched = result.Instance!;
            var isProcess = requests[result.Index].Launch.ImageId == NamespaceCloudLauncher.ProcessImage;
            var address = isProcess ? launched.Instance.PrivateAddresses.Single() : site.Network.PoolAddress.ToString();
            var instance = new FleetInstance(launched.Uuid, cloud, launched.InstanceId, isProcess, address, $"{phase}-{result.Index}");
            _instances[instance.Uuid] = instance;
            provisioned.Add(instance);
        }

        return provisioned;
    }

    /// <summary>Ends an instance and its entry, as the app would (the provisioner's teardown).</summary>
    public async Task DeprovisionAsync(FleetInstance instance)
    {
        await deployment.ProvisionerFor(instance.Cloud).DeprovisionAsync(instance.Uuid);
        instance.Removed = true;
    }

    /// <summary>
    /// Waits until the app's registry shows every one of <paramref name="instances"/> configured as expected (the
    /// generation it should have applied, its own uuid and address); fails with what is missing after <paramref name="deadline"/>.
    /// </summary>
    public async Task WaitUntilReportedAsync(IEnumerable<FleetInstance> instances, TimeSpan deadline)
    {
        var waiting = instances.ToList();
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var entries = new Dictionary<Guid, ConfigEntry?>();
            foreach (var instance in waiting)
            {
                entries[instance.Uuid] = await deployment.Registry.GetAsync(instance.Uuid);
            }

            waiting = [.. waiting.Where(i => !IsReported(i, entries[i.Uuid]))];
            if (waiting.Count == 0)
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(started) > deadline)
            {
                Assert.Fail($"{waiting.Count} instances did not report within {deadline}, for example:\n"
                    + string.Join("\n", waiting.Take(5).Select(i => $"{i} -> {Describe(entries[i.Uuid])}"))
                    + $"\n{await deployment.DescribeAsync()}"
                    + $"\nIn-process agents that stopped:\n{string.Join("\n", deployment.Clouds.SelectMany(c => c.Launcher.InProcessFailures))}"
                    + $"\nAgent processes:\n{string.Join("\n", deployment.Clouds.Select(c => c.Launcher.ProcessOutput))}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Whether the entry shows what the instance should have reported by now.</summary>
    public static bool IsReported(FleetInstance instance, ConfigEntry? entry) =>
        entry is { Status.State: InstanceState.Configured, Status.ExitCode: 0 }
        && entry.Generation == instance.ExpectedGeneration
        && entry.Parameters.GetValueOrDefault("applied_generation") == ParameterValue.FromInteger(instance.ExpectedGeneration)
        && entry.Parameters.TryGetValue("uuid", out var reported) && reported.Kind == ParameterKind.String
        && Guid.TryParse(reported.AsString(), out var reportedUuid) && reportedUuid == instance.Uuid
        && entry.Address == instance.Address;

    private static string Describe(ConfigEntry? entry) => entry is null
        ? "no entry"
        : $"status {entry.Status.State}, generation {entry.Generation}, address {entry.Address}, parameters {string.Join(' ', entry.Parameters.Select(p => $"{p.Key}={p.Value}"))}";
}

/// <summary>One provisioned instance and what it should report.</summary>
internal sealed record FleetInstance(Guid Uuid, string Cloud, string InstanceId, bool IsProcess, string Address, string Value)
{
    public long ExpectedGeneration { get; set; } = 1;

    public bool Removed { get; set; }

    public override string ToString() => $"{Uuid} ({Cloud}, {(IsProcess ? "agent process" : "in process")} {InstanceId}, {Address})";
}
