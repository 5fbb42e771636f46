using System.Diagnostics;
using CloudConfig.Core;
using CloudConfig.Samples.Shared;
using CloudConfig.Testing;
using OpenTelemetry.Metrics;

namespace CloudConfig.Observability.Tests;

/// <summary>
/// The QuickStart scenario (three instances provisioned and configured, one updated) with OpenTelemetry's in-memory
/// exporter listening, the app talking to the rendezvous server over HTTP: one trace per ProvisionAsync, from the
/// app through the Deltacloud create into the agent the instance "booted", the server it called and the server's cache.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class QuickStartTraceTests
{
    private const string Core = "CloudConfig.Core";
    private const string AppClient = "CloudConfig.Cache.Rendezvous";
    private const string InstanceClient = "CloudConfig.Rendezvous.Client";
    private const string Server = "CloudConfig.Rendezvous";
    private const string Deltacloud = "CloudConfig.Deltacloud";
    private const string Agent = "CloudConfig.Agent";
    private const string Cache = "CloudConfig.Cache.InMemory";

    [Fact]
    public async Task QuickStart_TracesEachProvisionFromTheAppThroughTheCloudIntoTheAgentAndTheServer_AndMeasuresIt()
    {
        var run = await QuickStartRun.CollectAsync(new LocalCloudOptions { AppOverHttp = true });

        var tree = run.Tree;
        Assert.Equal(3, run.Result.Instances.Count);
        Assert.Equal(3, run.BootSecrets.Count);
        // No tag of any span carries a boot secret (or the boot string around it), or a configuration.
        var forbidden = run.Forbidden().ToList();
        Assert.All(tree.Spans.SelectMany(s => s.TagObjects), tag => Assert.DoesNotContain(forbidden, secret => Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture)!.Contains(secret, StringComparison.Ordinal)));
        var roots = tree.Named(Core, "provision").ToList();
        Assert.Equal(3, roots.Count);
        foreach (var root in roots)
        {
            AssertOneProvision(tree, root);
        }

        AssertUpdateReachedTheAgentsLongPoll(tree, run.Result.Updated.Uuid);
        AssertMeasured([.. run.Metrics]);
    }

    private static void AssertOneProvision(TraceTree tree, Activity root)
    {
        Assert.Equal(default, root.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, root.Status);
        var uuid = Assert.IsType<string>(root.GetTagItem("cloudconfig.entry.uuid"));
        Assert.NotNull(root.GetTagItem("cloudconfig.instance.id"));
        var trace = tree.InTrace(root.TraceId).ToList();
        string Describe() => string.Join("\n", trace.Select(tree.PathOf));

        // The app: register, then launch, each a child of the root.
        var children = tree.ChildrenOf(root).Select(s => s.DisplayName).ToList();
        Assert.True(children.SequenceEqual(["register", "launch"]), $"children of provision: {string.Join(", ", children)}");
        var register = tree.ChildrenOf(root).Single(s => s.DisplayName == "register");
        var launch = tree.ChildrenOf(root).Single(s => s.DisplayName == "launch");

        // Registration over HTTP: the client span, and the server's handler span joined to it through traceparent.
        var preRegister = Assert.Single(tree.ChildrenOf(register), s => s.Source.Name == AppClient);
        Assert.Equal("rendezvous pre_register", preRegister.DisplayName);
        Assert.Equal(ActivityKind.Client, preRegister.Kind);
        var handled = Assert.Single(trace, s => s.Source.Name == Server && s.DisplayName == "handle app.pre_register");
        Assert.True(tree.Descends(handled, preRegister), Describe());
        Assert.Equal(uuid, handled.GetTagItem("cloudconfig.entry.uuid"));
        Assert.Contains(trace, s => s.Source.Name == "Microsoft.AspNetCore" && tree.Descends(s, preRegister) && tree.Descends(handled, s));
        // The server's cache (in memory here) works inside the handler's span.
        AssertCacheSpan(tree, handled, "pre_register", uuid);

        // The Deltacloud create, inside the launch, over HTTP.
        var create = Assert.Single(trace, s => s.Source.Name == Deltacloud && s.DisplayName == "deltacloud create_instance");
        Assert.True(tree.Descends(create, launch), Describe());
        Assert.Equal(root.GetTagItem("cloudconfig.instance.id"), create.GetTagItem("cloudconfig.instance.id"));
        Assert.Contains(trace, s => s.Source.Name == "System.Net.Http" && s.Kind == ActivityKind.Client && tree.Descends(s, create));

        // The agent the create "booted" (the embedded cloud's boot hook ran it in that request's context): its fetch,
        // apply and report, each joined to the server's handler of the call through traceparent.
        var fetch = Assert.Single(trace, s => s.Source.Name == Agent && s.DisplayName == "agent fetch");
        Assert.True(tree.Descends(fetch, create), Describe());
        Assert.Equal(uuid, fetch.GetTagItem("cloudconfig.entry.uuid"));
        var clientFetch = Assert.Single(tree.ChildrenOf(fetch), s => s.Source.Name == InstanceClient);
        Assert.Equal(ActivityKind.Client, clientFetch.Kind);
        var servedFetch = Assert.Single(trace, s => s.Source.Name == Server && s.DisplayName == "handle fetch");
        Assert.True(tree.Descends(servedFetch, clientFetch), Describe());
        Assert.Equal(uuid, servedFetch.GetTagItem("cloudconfig.entry.uuid"));
        Assert.Equal(1L, servedFetch.GetTagItem("cloudconfig.generation"));
        var cachedFetch = AssertCacheSpan(tree, servedFetch, "fetch", uuid);
        Assert.Equal("boot", cachedFetch.GetTagItem("cloudconfig.credential"));
        Assert.Equal(1L, cachedFetch.GetTagItem("cloudconfig.generation"));

        var apply = tree.Named(Agent, "agent apply").First(s => s.TraceId == root.TraceId && (long?)s.GetTagItem("cloudconfig.generation") == 1);
        Assert.Equal("configured", apply.GetTagItem("cloudconfig.instance.state"));
        Assert.Equal(0, apply.GetTagItem("process.exit.code"));
        var reports = trace.Where(s => s.Source.Name == Agent && s.DisplayName == "agent report").ToList();
        Assert.True(reports.Count >= 2, $"configuring and configured reports, got {reports.Count}\n{Describe()}");
        var servedReports = trace.Where(s => s.Source.Name == Server && s.DisplayName == "handle report").ToList();
        var servedConfigured = servedReports.Where(s => "configured".Equals(s.GetTagItem("cloudconfig.instance.state")) && reports.Any(r => tree.Descends(s, r))).ToList();
        Assert.NotEmpty(servedConfigured);
        Assert.All(servedConfigured, s => AssertCacheSpan(tree, s, "update_cache", uuid));

    }

    // The app's update of the web instance's configuration woke the long poll its agent had open: the server's handler
    // of that poll has the cache's wait inside it, which answered with generation 2.
    private static void AssertUpdateReachedTheAgentsLongPoll(TraceTree tree, Guid updated)
    {
        var waits = tree.Spans.Where(s => s.Source.Name == Cache && s.DisplayName == "wait_for_update" && (long?)s.GetTagItem("cloudconfig.generation") == 2).ToList();
        var woken = Assert.Single(waits);
        Assert.Equal(updated.ToString("D"), woken.GetTagItem("cloudconfig.entry.uuid"));
        Assert.Equal(1L, woken.GetTagItem("cloudconfig.known_generation"));
        Assert.Contains(tree.Spans, s => s.Source.Name == Server && s.DisplayName == "handle wait" && s.SpanId == woken.ParentSpanId);
    }

    // The cache's span of one operation, a direct child of the server handler's span that asked for it.
    private static Activity AssertCacheSpan(TraceTree tree, Activity handler, string operation, string uuid)
    {
        var span = Assert.Single(tree.ChildrenOf(handler), s => s.Source.Name == Cache);
        Assert.Equal(operation, span.DisplayName);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(uuid, span.GetTagItem("cloudconfig.entry.uuid"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        return span;
    }

    private static void AssertMeasured(List<MetricSnapshot> metrics)
    {
        long Sum(string name) => Points(metrics, name).Sum(p => p.GetSumLong());
        long Count(string name) => Points(metrics, name).Sum(p => p.GetHistogramCount());

        Assert.Equal(3, Sum("cloudconfig.provisioner.provisioned"));
        Assert.Empty(Points(metrics, "cloudconfig.provisioner.failed"));
        Assert.Equal(3, Count("cloudconfig.provisioner.time_to_configured"));
        Assert.All(Points(metrics, "cloudconfig.provisioner.time_to_configured"), p => Assert.True(p.GetHistogramSum() > 0));

        Assert.Equal(3, Sum("cloudconfig.rendezvous.registrations"));
        Assert.True(Sum("cloudconfig.rendezvous.fetches") >= 3);
        Assert.Equal(3, Points(metrics, "cloudconfig.rendezvous.fetches").Where(p => Tag(p, "cloudconfig.credential") == "boot").Sum(p => p.GetSumLong()));
        Assert.Equal(3, Points(metrics, "cloudconfig.rendezvous.claims").Sum(p => p.GetSumLong()));
        // Configuring and configured for three instances, and both again for the update.
        Assert.True(Sum("cloudconfig.rendezvous.reports") >= 8, $"reports: {Sum("cloudconfig.rendezvous.reports")}");
        Assert.NotEmpty(Points(metrics, "cloudconfig.rendezvous.active_long_polls"));
        Assert.Equal(0, Sum("cloudconfig.rendezvous.replays"));

        // Three first applies and the update, all with exit code 0.
        var applies = Points(metrics, "cloudconfig.agent.apply.duration").ToList();
        Assert.Equal(4, applies.Sum(p => p.GetHistogramCount()));
        Assert.All(applies, p => Assert.Equal("configured", Tag(p, "cloudconfig.instance.state")));
        Assert.All(applies, p => Assert.Equal("0", Tag(p, "process.exit.code")));
    }

    // Cumulative points: the last snapshot of an instrument holds everything it measured.
    private static IReadOnlyList<MetricPoint> Points(List<MetricSnapshot> metrics, string name) =>
        metrics.LastOrDefault(m => m.Name == name)?.MetricPoints ?? [];

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
