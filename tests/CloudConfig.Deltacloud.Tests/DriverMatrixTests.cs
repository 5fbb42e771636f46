namespace CloudConfig.Deltacloud.Tests;

/// <summary>Where the matrix parameters go in each URL the client sends.</summary>
public sealed class DriverMatrixTests
{
    private static readonly Uri BaseUrl = new("http://cloud.example:3001/api");
    private static readonly DeltacloudSelection Selection = new("ec2", "eu-west-1");

    [Theory]
    [InlineData("http://cloud.example:3001/api", "http://cloud.example:3001/api;driver=ec2;provider=eu-west-1")]
    [InlineData("http://cloud.example:3001/api/instances/i%2F1/reboot", "http://cloud.example:3001/api;driver=ec2;provider=eu-west-1/instances/i%2F1/reboot")]
    [InlineData("http://cloud.example:3001/api/instances;image_id=img1", "http://cloud.example:3001/api;driver=ec2;provider=eu-west-1/instances;image_id=img1")]
    [InlineData("http://10.0.0.5:3001/api/realms", "http://10.0.0.5:3001/api;driver=ec2;provider=eu-west-1/realms")]
    public void Insert_UrlBelowTheEntryPointsPath_PutsTheSelectionOnItsLastSegment(string url, string expected) =>
        Assert.Equal(expected, DriverMatrix.Insert(url, BaseUrl, Selection));

    [Theory]
    [InlineData("http://cloud.example:3001/apis/instances")]
    [InlineData("http://cloud.example:3001/other/api")]
    [InlineData("not a url")]
    public void Insert_UrlElsewhere_IsLeftToTheHeaders(string url) =>
        Assert.Null(DriverMatrix.Insert(url, BaseUrl, Selection));

    [Fact]
    public void Insert_ProviderOnlyWithCharactersToEscape_EscapesTheValue() =>
        Assert.Equal("http://h/api;provider=a%20b%3Bc/x", DriverMatrix.Insert("http://h/api/x", new Uri("http://h/api/"), new DeltacloudSelection(null, "a b;c")));
}
