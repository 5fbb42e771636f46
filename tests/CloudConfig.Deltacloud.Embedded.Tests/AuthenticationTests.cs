using System.Net;

namespace CloudConfig.Deltacloud.Embedded.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Get_NoAuthorizationHeader_Returns401WithChallenge()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud, authenticate: false);

        using var response = await client.GetAsync(new Uri("/api/instances", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("realm=\"mock-deltacloud@localhost\"", response.Headers.WwwAuthenticate.Single().Parameter);
    }

    [Fact]
    public async Task Get_WrongPassword_Returns401WithoutChallenge()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud, authenticate: false);
        client.DefaultRequestHeaders.Authorization = TestCloud.Basic(cloud.Username, "wrong");

        using var response = await client.GetAsync(new Uri("/api/instances", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
        Assert.Contains("Unauthorized", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ConfiguredCredentials_AcceptsThemAndRefusesTheMockDefaults()
    {
        await using var cloud = await TestCloud.StartAsync(o =>
        {
            o.Username = "alice";
            o.Password = "s3cret:with:colons";
        });
        using var good = TestCloud.Client(cloud);
        using var mockDefaults = TestCloud.Client(cloud, authenticate: false);
        mockDefaults.DefaultRequestHeaders.Authorization = TestCloud.Basic("mockuser", "mockpassword");

        using var accepted = await good.GetAsync(new Uri("/api/instances", UriKind.Relative));
        using var refused = await mockDefaults.GetAsync(new Uri("/api/instances", UriKind.Relative));

        Assert.Equal("alice", cloud.Username);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/api/drivers")]
    public async Task Get_EntryPointOrDriversWithoutCredentials_Returns200(string path)
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud, authenticate: false);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_EntryPointForceAuthWithWrongPassword_Returns401PlainText()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud, authenticate: false);
        client.DefaultRequestHeaders.Authorization = TestCloud.Basic(cloud.Username, "wrong");

        using var response = await client.GetAsync(new Uri("/api?force_auth=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Authentication failed", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_EntryPointForceAuthWithGoodCredentials_Returns200()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud);

        using var response = await client.GetAsync(new Uri("/api?force_auth=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
