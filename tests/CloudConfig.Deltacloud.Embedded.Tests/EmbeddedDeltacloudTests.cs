using System.Net;
using System.Xml.Linq;

namespace CloudConfig.Deltacloud.Embedded.Tests;

public sealed class EmbeddedDeltacloudTests
{
    [Fact]
    public async Task StartAsync_IPv6Loopback_ServesWithBracketedAbsoluteLinks()
    {
        await using var cloud = await TestCloud.StartAsync(o => o.ListenAddress = IPAddress.IPv6Loopback);
        using var client = TestCloud.Client(cloud);

        var api = XDocument.Parse(await client.GetStringAsync(cloud.ApiUrl)).Root!;

        Assert.Equal("[::1]", cloud.ApiUrl.Host);
        Assert.All(api.Elements("link"), l => Assert.StartsWith($"http://[::1]:{cloud.ApiUrl.Port}/api/", l.Attribute("href")!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_TwoClouds_ListenOnDifferentPortsWithSeparateState()
    {
        await using var first = await TestCloud.StartAsync();
        await using var second = await TestCloud.StartAsync();
        using var client = TestCloud.Client(first);

        using var response = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1")));

        Assert.NotEqual(first.ApiUrl.Port, second.ApiUrl.Port);
        Assert.Single(first.Instances);
        Assert.Empty(second.Instances);
    }

    [Fact]
    public async Task FindInstance_CreatedAndUnknownIds_ReturnsSnapshotOrNull()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud);
        using var response = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img2"), ("name", "found")));
        var id = response.Headers.Location!.Segments[^1];

        Assert.Equal("found", cloud.FindInstance(id)!.Name);
        Assert.Equal("img2", cloud.FindInstance(id)!.ImageId);
        Assert.Null(cloud.FindInstance("inst999"));
    }

    [Fact]
    public async Task DisposeAsync_Twice_StopsServingAndDoesNotThrow()
    {
        var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud);

        await cloud.DisposeAsync();
        await cloud.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(cloud.ApiUrl));
    }
}
