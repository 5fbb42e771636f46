using System.Diagnostics;
using CloudConfig.Benchmarks.Quick;
using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Benchmarks.Provisioning;

/// <summary>
/// The whole provisioning path (register, boot string, Deltacloud create over HTTP, parse) for 1,000 instances at
/// parallelism 50, against an embedded cloud that adds 20 ms to each create. The ideal is what that latency alone
/// imposes: 1000 / 50 × 20 ms = 400 ms; the ratio is the overhead of everything else.
/// </summary>
public sealed class ProvisionQuickBenchmark : IQuickBenchmark
{
    private const int Instances = 1000;
    private const int Parallelism = 50;
    private static readonly TimeSpan CreateLatency = TimeSpan.FromMilliseconds(20);

    public async Task<IReadOnlyList<QuickFigure>> RunAsync(CancellationToken cancellationToken)
    {
        await using var cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions { CreateLatency = CreateLatency }, cancellationToken);
        var services = new ServiceCollection();
        services.AddCloudConfig(o => o.RendezvousAddress = "127.0.0.1:8443")
            .AddInMemoryConfigCache()
            .AddDeltacloudLauncher(o =>
            {
                o.BaseUrl = cloud.ApiUrl;
                o.Username = cloud.Username;
                o.Password = cloud.Password;
            });
        await using var provider = services.BuildServiceProvider();
        var provisioner = provider.GetRequiredService<ConfigProvisioner>();
        var request = new ProvisionRequest(new InstanceLaunchRequest("img1") { HardwareProfileId = "m1-small" }, ConfigurationContent.FromText("echo hi"));

        // Discovery, JIT and connection set-up are not what this figure is about.
        await ProvisionAllAsync(provisioner, request, Parallelism, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var failed = await ProvisionAllAsync(provisioner, request, Instances, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} of {Instances} provisions failed.");
        }

        var ideal = CreateLatency * ((double)Instances / Parallelism);
        return [new QuickFigure("provision.1000_vs_ideal", elapsed / ideal, elapsed.TotalMilliseconds, "ms")];
    }

    private static async Task<int> ProvisionAllAsync(ConfigProvisioner provisioner, ProvisionRequest request, int count, CancellationToken cancellationToken)
    {
        var results = await provisioner.ProvisionManyAsync(Enumerable.Repeat(request, count).ToList(), Parallelism, cancellationToken: cancellationToken);
        return results.Count(r => !r.Succeeded);
    }
}
