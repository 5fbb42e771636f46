using System.Diagnostics;
using CloudConfig.Benchmarks.Quick;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;

namespace CloudConfig.Benchmarks.Federation;

/// <summary>
/// A federation on loopback (see <see cref="FederationScenario"/>): how soon the app sees an instance's report on
/// premises with the link up, and how soon 10,000 registrations made during an outage are all there in the cloud once
/// the link returns. Each against what the engine alone does in the same run: a raw key-value put carried by the same
/// mirror, and the mirror's own catch-up.
/// </summary>
public sealed class FederationQuickBenchmark : IQuickBenchmark
{
    private const int Instances = 50;
    private const int Samples = 400;
    private const int OutageRegistrations = 10_000;
    private const int Concurrency = 32;

    public async Task<IReadOnlyList<QuickFigure>> RunAsync(CancellationToken cancellationToken)
    {
        await using var federation = await NatsFederation.StartAsync([FederationScenario.Cloud], cancellationToken: cancellationToken);
        return [await ReportVisibleAsync(federation, cancellationToken), await CatchUpAsync(federation, cancellationToken)];
    }

    /// <summary>p99 of "an instance reports" until "the app's registry returns that report", link up, one report at a time.</summary>
    private static async Task<QuickFigure> ReportVisibleAsync(NatsFederation federation, CancellationToken cancellationToken)
    {
        await using var scenario = await FederationScenario.OpenAsync(federation, "visible", cancellationToken);
        var running = await scenario.BootAsync(Instances, cancellationToken);
        var (hub, onPremisesMirror) = await scenario.InstanceStoresAsync(cancellationToken);
        var ours = new double[Samples];
        var raw = new double[Samples];
        for (var i = 0; i < Samples; i++)
        {
            var (uuid, trustKey) = running[i % running.Length];
            var started = Stopwatch.GetTimestamp();
            await scenario.ReportUntilVisibleAsync(uuid, trustKey, i, cancellationToken);
            ours[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            started = Stopwatch.GetTimestamp();
            await scenario.RawPutUntilMirroredAsync(hub, onPremisesMirror, $"bench.{i % Instances}", i, cancellationToken);
            raw[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var p99 = Percentile(ours, 0.99);
        return new QuickFigure("federation.report_visible_onprem_ms_p99", p99 / Percentile(raw, 0.99), p99, "ms");
    }

    /// <summary>
    /// Seconds from the link's return until every one of 10,000 entries registered during the outage is there for
    /// the cloud's rendezvous point (read through its cache, as a fetch reads it). The baseline is the engine's part:
    /// until the cloud's mirror of the entries bucket has every message.
    /// </summary>
    private static async Task<QuickFigure> CatchUpAsync(NatsFederation federation, CancellationToken cancellationToken)
    {
        await using var scenario = await FederationScenario.OpenAsync(federation, "catchup", cancellationToken);
        (Guid Uuid, Secret BootSecret)[] registered;
        try
        {
            registered = await scenario.RegisterDuringOutageAsync(OutageRegistrations, Concurrency, cancellationToken);
        }
        finally
        {
            scenario.Link.Restore();
        }

        var restored = Stopwatch.GetTimestamp();
        await scenario.WaitForCloudMirrorAsync(await scenario.OnPremisesEntriesSequenceAsync(cancellationToken), cancellationToken);
        var engine = Stopwatch.GetElapsedTime(restored).TotalSeconds;
        await scenario.WaitUntilInCloudAsync(registered.Select(r => r.Uuid), Concurrency, cancellationToken);
        var ours = Stopwatch.GetElapsedTime(restored).TotalSeconds;

        // And fetchable indeed: a sample boots for real (first contact with the boot secret).
        foreach (var (uuid, bootSecret) in registered.Take(100))
        {
            await scenario.CloudCache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate()), cancellationToken);
        }

        return new QuickFigure("federation.catchup_10k_seconds", ours / engine, ours, "s");
    }

    private static double Percentile(double[] samples, double quantile)
    {
        var sorted = samples.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
    }
}
