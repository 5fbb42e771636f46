using System.Diagnostics;
using CloudConfig.Testing;

namespace CloudConfig.Observability.Tests;

/// <summary>
/// The QuickStart scenario with the app in the same process as its cache (no HTTP between them): the cache's spans
/// sit under the provisioner's own (registration, waiting, the update), and under the server's for the agents' calls.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class QuickStartCacheSpanTests
{
    private const string Core = "CloudConfig.Core";
    private const string Cache = "CloudConfig.Cache.InMemory";

    [Fact]
    public async Task QuickStart_AppInProcess_CacheSpansSitUnderTheProvisionersAndTheServersSpans()
    {
        var run = await QuickStartRun.CollectAsync(new LocalCloudOptions());
        var tree = run.Tree;
        var forbidden = run.Forbidden().ToList();

        Assert.All(tree.Spans.SelectMany(s => s.TagObjects), tag => Assert.DoesNotContain(forbidden, secret => Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture)!.Contains(secret, StringComparison.Ordinal)));
        var roots = tree.Named(Core, "provision").ToList();
        Assert.Equal(3, roots.Count);
        foreach (var root in roots)
        {
            var uuid = Assert.IsType<string>(root.GetTagItem("cloudconfig.entry.uuid"));
            var trace = tree.InTrace(root.TraceId).ToList();
            string Describe() => string.Join("\n", trace.Select(tree.PathOf));

            // Registration: the cache's pre_register is the provisioner's register step itself.
            var register = Assert.Single(tree.ChildrenOf(root), s => s.DisplayName == "register");
            var registered = Assert.Single(tree.ChildrenOf(register));
            Assert.Equal((Cache, "pre_register"), (registered.Source.Name, registered.DisplayName));
            Assert.Equal(uuid, registered.GetTagItem("cloudconfig.entry.uuid"));

            // The agent's first contact, through the server, reaches the same cache inside the server's handler.
            var handled = Assert.Single(trace, s => s.Source.Name == "CloudConfig.Rendezvous" && s.DisplayName == "handle fetch");
            var fetched = Assert.Single(tree.ChildrenOf(handled));
            Assert.Equal((Cache, "fetch", "boot"), (fetched.Source.Name, fetched.DisplayName, fetched.GetTagItem("cloudconfig.credential")));
            Assert.True(tree.Descends(fetched, root), Describe());

            // Waiting until configured: the provisioner's polls of the cache, each inside its wait.
            var wait = Assert.Single(tree.Spans, s => s.Source.Name == Core && s.DisplayName == "wait_until_configured" && uuid.Equals(s.GetTagItem("cloudconfig.entry.uuid")));
            var polls = tree.ChildrenOf(wait).ToList();
            Assert.NotEmpty(polls);
            Assert.All(polls, p => Assert.Equal((Cache, "get", uuid), (p.Source.Name, p.DisplayName, p.GetTagItem("cloudconfig.entry.uuid"))));
        }

        // The update of the web instance: the cache's update_configuration inside the provisioner's, generation 2.
        var web = run.Result.Updated.Uuid.ToString("D");
        var update = Assert.Single(tree.Spans, s => s.Source.Name == Core && s.DisplayName == "update_configuration" && web.Equals(s.GetTagItem("cloudconfig.entry.uuid")));
        var updated = Assert.Single(tree.ChildrenOf(update), s => s.Source.Name == Cache);
        Assert.Equal(("update_configuration", 2L), (updated.DisplayName, updated.GetTagItem("cloudconfig.generation")));
        Assert.All(tree.Spans.Where(s => s.Source.Name == Cache), s => Assert.Equal(ActivityKind.Internal, s.Kind));
    }
}
