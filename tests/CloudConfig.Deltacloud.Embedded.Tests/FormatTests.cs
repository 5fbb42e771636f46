using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace CloudConfig.Deltacloud.Embedded.Tests;

public sealed class FormatTests
{
    [Theory]
    [InlineData("text/html")]
    [InlineData("application/pdf")]
    public async Task Get_UnsupportedAccept_ReturnsBare406(string accept)
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud, accept);

        using var response = await client.GetAsync(new Uri("/api/images", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Equal("Apache-Deltacloud/1.1.3", string.Join(' ', response.Headers.GetValues("Server")));
    }

    [Theory]
    [InlineData("*/*", "application/xml")]
    [InlineData("text/html;q=0.9, application/json", "application/json")]
    [InlineData("application/xml;q=0.5, application/json;q=0.8", "application/json")]
    public async Task Get_AcceptHeader_PicksTheFormat(string accept, string expected)
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud, accept);

        using var response = await client.GetAsync(new Uri("/api/realms", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Get_FormatQuery_OverridesAccept()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud, "application/xml");

        var body = await client.GetStringAsync(new Uri("/api/realms?format=json", UriKind.Relative));

        using var document = JsonDocument.Parse(body);
        Assert.Equal(2, document.RootElement.GetProperty("realms").GetArrayLength());
    }

    [Fact]
    public async Task GetDrivers_Json_GivesProvidersTheirEntryPointsAsTheXmlListsProviders()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var json = TestCloud.Client(cloud, "application/json");
        using var xml = TestCloud.Client(cloud, "application/xml");

        using var document = JsonDocument.Parse(await json.GetStringAsync(new Uri("/api/drivers", UriKind.Relative)));
        var drivers = XDocument.Parse(await xml.GetStringAsync(new Uri("/api/drivers", UriKind.Relative))).Root!.Elements("driver");

        // Every provider the XML list names appears under some service of the JSON entry points, and no other.
        foreach (var driver in drivers)
        {
            var entry = document.RootElement.GetProperty(driver.Attribute("id")!.Value);
            var providers = entry.TryGetProperty("entrypoints", out var entrypoints)
                ? entrypoints.EnumerateObject().SelectMany(service => service.Value.EnumerateObject().Select(p => p.Name)).Distinct().ToList()
                : [];
            Assert.Equal(driver.Elements("provider").Select(p => p.Attribute("id")!.Value), providers);
            Assert.Equal(driver.Element("name")!.Value, entry.GetProperty("name").GetString());
        }

        Assert.Equal("s3.amazonaws.com", document.RootElement.GetProperty("ec2").GetProperty("entrypoints").GetProperty("s3").GetProperty("us-east-1").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetEntryPoint_AdvertiseUserData_ListsTheFeatureOnlyWhenEnabled(bool advertise)
    {
        await using var cloud = await TestCloud.StartAsync(o => o.AdvertiseUserData = advertise);
        using var client = TestCloud.Client(cloud, "application/xml");

        var api = XDocument.Parse(await client.GetStringAsync(cloud.ApiUrl)).Root!;

        var instances = api.Elements("link").Single(l => l.Attribute("rel")!.Value == "instances");
        Assert.Equal(advertise, instances.Elements("feature").Any(f => f.Attribute("name")!.Value == "user_data"));
        Assert.All(api.Elements("link"), l => Assert.StartsWith(cloud.ApiUrl.AbsoluteUri + "/", l.Attribute("href")!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_OtherDriverRequested_Returns500DriverNotAvailable()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud, "application/json");
        client.DefaultRequestHeaders.Add("X-Deltacloud-Driver", "ec2");

        using var response = await client.GetAsync(new Uri("/api/realms", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Driver 'ec2' is not available", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("ec2", response.Headers.GetValues("X-Deltacloud-Driver").Single());
    }

    [Fact]
    public async Task Get_UnknownRoute_ReturnsHtml404()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud);

        using var response = await client.GetAsync(new Uri("/api/buckets", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }
}
