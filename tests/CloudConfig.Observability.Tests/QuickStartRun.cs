using System.Diagnostics;
using CloudConfig.Core;
using CloudConfig.Samples.Shared;
using CloudConfig.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CloudConfig.Observability.Tests;

/// <summary>
/// One QuickStart run (three instances provisioned and configured, one updated) on a local cloud, with OpenTelemetry's
/// in-memory exporters listening to every CloudConfig source and meter, HttpClient and ASP.NET Core.
/// </summary>
internal sealed record QuickStartRun(TraceTree Tree, IReadOnlyList<MetricSnapshot> Metrics, QuickStartResult Result, IReadOnlyList<string> BootSecrets)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<QuickStartRun> CollectAsync(LocalCloudOptions options)
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        QuickStartResult result;
        string[] secrets;
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource("CloudConfig.*", "System.Net.Http", "Microsoft.AspNetCore")
            .AddInMemoryExporter(spans)
            .Build())
        using (var metering = Sdk.CreateMeterProviderBuilder().AddMeter("CloudConfig.*").AddInMemoryExporter(metrics).Build())
        {
            await using (var local = await LocalCloud.StartAsync(options))
            {
                result = await new QuickStartScenario(local.Provisioner, new SampleLaunch(), Timeout).RunAsync();
                secrets = [.. local.Cloud!.Instances.Select(i => BootString.Parse(i.UserData!).Secret.Reveal())];
                metering.ForceFlush();
            }

            // The agents and servers have stopped: every span has ended and been exported.
            tracing.ForceFlush();
        }

        return new QuickStartRun(new TraceTree([.. spans]), metrics, result, secrets);
    }

    /// <summary>What no tag of any span may carry: the boot secrets (or the boot strings around them) and the configurations.</summary>
    public IEnumerable<string> Forbidden() =>
        [.. BootSecrets, .. SampleConfigurations.Roles.Select(role => SampleConfigurations.ForRole(role).AsText()), SampleConfigurations.ForRole("web", version: 2).AsText()];
}
