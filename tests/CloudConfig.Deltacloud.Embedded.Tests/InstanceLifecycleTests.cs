using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Deltacloud.Embedded.Tests;

public sealed class InstanceLifecycleTests
{
    [Fact]
    public async Task Create_WithPendingDuration_StaysPendingUntilTheDelayThenRuns()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var cloud = await TestCloud.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.PendingDuration = TimeSpan.FromSeconds(30);
        });
        using var client = TestCloud.Client(cloud);

        using var created = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1")));
        var id = XDocument.Parse(await created.Content.ReadAsStringAsync()).Root!.Attribute("id")!.Value;
        Assert.Equal("PENDING", await StateAsync(client, id));
        using var stopWhilePending = await client.PostAsync(new Uri($"/api/instances/{id}/stop", UriKind.Relative), null);

        time.Advance(TimeSpan.FromSeconds(29));
        var stillPending = await StateAsync(client, id);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, stopWhilePending.StatusCode);
        Assert.Equal("PENDING", stillPending);
        Assert.Equal("RUNNING", await StateAsync(client, id));
        Assert.Equal(EmbeddedInstanceState.Running, cloud.FindInstance(id)!.State);
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromSeconds(30), cloud.FindInstance(id)!.CreatedAt);
    }

    [Fact]
    public async Task Actions_FollowTheStateMachine_StopStartRebootThenDestroyOnlyWhenStopped()
    {
        await using var cloud = await TestCloud.StartAsync(o => o.PendingDuration = TimeSpan.Zero);
        using var client = TestCloud.Client(cloud);
        using var created = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1"), ("name", "life")));
        var id = XDocument.Parse(await created.Content.ReadAsStringAsync()).Root!.Attribute("id")!.Value;

        var destroyRunning = await SendAsync(client, HttpMethod.Delete, $"/api/instances/{id}");
        var reboot = await SendAsync(client, HttpMethod.Post, $"/api/instances/{id}/reboot");
        var stop = await SendAsync(client, HttpMethod.Post, $"/api/instances/{id}/stop");
        var stopAgain = await SendAsync(client, HttpMethod.Post, $"/api/instances/{id}/stop");
        var start = await SendAsync(client, HttpMethod.Post, $"/api/instances/{id}/start");
        var stopForDestroy = await SendAsync(client, HttpMethod.Post, $"/api/instances/{id}/stop");
        var destroy = await SendAsync(client, HttpMethod.Delete, $"/api/instances/{id}");
        var show = await SendAsync(client, HttpMethod.Get, $"/api/instances/{id}");
        var actionOnGone = await SendAsync(client, HttpMethod.Post, $"/api/instances/{id}/start");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, destroyRunning);
        Assert.Equal(HttpStatusCode.Accepted, reboot);
        Assert.Equal(HttpStatusCode.Accepted, stop);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, stopAgain);
        Assert.Equal(HttpStatusCode.Accepted, start);
        Assert.Equal(HttpStatusCode.Accepted, stopForDestroy);
        Assert.Equal(HttpStatusCode.NoContent, destroy);
        Assert.Equal(HttpStatusCode.NotFound, show);
        Assert.Equal(HttpStatusCode.Forbidden, actionOnGone);
        Assert.Empty(cloud.Instances);
    }

    [Fact]
    public async Task List_WithFilters_ReturnsOnlyMatchingInstances()
    {
        await using var cloud = await TestCloud.StartAsync(o => o.PendingDuration = TimeSpan.Zero);
        using var client = TestCloud.Client(cloud);
        using var us = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1"), ("realm_id", "us")));
        using var eu = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1"), ("realm_id", "eu")));
        var euId = XDocument.Parse(await eu.Content.ReadAsStringAsync()).Root!.Attribute("id")!.Value;
        await SendAsync(client, HttpMethod.Post, $"/api/instances/{euId}/stop");

        Assert.Equal([euId], await IdsAsync(client, "/api/instances?realm_id=eu"));
        Assert.Equal([euId], await IdsAsync(client, "/api/instances?state=STOPPED"));
        Assert.Equal([euId], await IdsAsync(client, $"/api/instances?id={euId}"));
        Assert.Equal(2, (await IdsAsync(client, "/api/instances")).Count);
    }

    [Fact]
    public async Task Create_AddressesAndOverrides_AreDistinctLoopbackLabelsAndEchoedProperties()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud);

        using var first = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img3"), ("hwp_id", "m1-large"), ("hwp_memory", "8192"), ("keyname", "test-key")));
        using var second = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img3")));

        var instances = cloud.Instances;
        Assert.Equal(2, instances.Count);
        Assert.StartsWith("127.", instances[0].PublicAddresses.Single(), StringComparison.Ordinal);
        Assert.NotEqual(instances[0].PublicAddresses.Single(), instances[1].PublicAddresses.Single());
        Assert.NotEqual(instances[0].PrivateAddresses.Single(), instances[1].PrivateAddresses.Single());
        Assert.Equal("8192", instances[0].HardwareProfileOverrides["memory"]);
        Assert.Equal("test-key", instances[0].KeyName);
        Assert.Equal("m1-small", instances[1].HardwareProfileId);
        Assert.Equal("us", instances[1].RealmId);
        var property = XDocument.Parse(await first.Content.ReadAsStringAsync()).Root!.Element("hardware_profile")!.Element("property")!;
        Assert.Equal("memory", property.Attribute("name")!.Value);
        Assert.Equal("8192", property.Attribute("value")!.Value);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("YWJj ZGVm")]
    public async Task Create_UserDataNotBase64_Returns400ValidationFailureAndCreatesNothing(string userData)
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud, "application/json");

        using var response = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1"), ("user_data", userData)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ValidationFailure", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(cloud.Instances);
    }

    [Fact]
    public async Task Create_UnknownRealm_Returns400()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud);

        using var response = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1"), ("realm_id", "mars")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Realm 'mars'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string> StateAsync(HttpClient client, string id) =>
        XDocument.Parse(await client.GetStringAsync(new Uri($"/api/instances/{id}", UriKind.Relative))).Root!.Element("state")!.Value;

    private static async Task<List<string>> IdsAsync(HttpClient client, string path) =>
        [.. XDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative))).Root!.Elements("instance").Select(e => e.Attribute("id")!.Value)];
}
