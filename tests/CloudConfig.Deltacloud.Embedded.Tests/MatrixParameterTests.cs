using System.Net;

namespace CloudConfig.Deltacloud.Embedded.Tests;

/// <summary>Matrix parameters are stripped before routing; those of the api segment select the driver and provider.</summary>
public sealed class MatrixParameterTests
{
    [Fact]
    public async Task Get_DriverAndProviderOnTheApiSegment_SelectThemLikeTheHeaders()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud);

        using var response = await client.GetAsync(new Uri("/api;driver=mock;provider=eu-west-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eu-west-1", response.Headers.GetValues("X-Deltacloud-Provider").Single());
        Assert.Contains("provider=\"eu-west-1\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api;driver=nosuch/realms")]
    [InlineData("/api/realms?api[driver]=nosuch")]
    public async Task Get_UnknownDriverAsMatrixOrQueryParameter_Is500(string path)
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud);
        client.DefaultRequestHeaders.Add("X-Deltacloud-Driver", "mock");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Driver 'nosuch' is not available", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ToTheCreateInstanceLinkWithMatrixParameters_CreatesTheInstance()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var client = TestCloud.Client(cloud);

        using var response = await client.PostAsync(new Uri("/api;driver=mock/instances;image_id=img3", UriKind.Relative), TestCloud.Form(("image_id", "img3"), ("name", "linked")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("img3", Assert.Single(cloud.Instances, i => i.Name == "linked").ImageId);
    }
}
