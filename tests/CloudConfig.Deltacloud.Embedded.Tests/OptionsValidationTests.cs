using System.Net;
using Microsoft.Extensions.Options;

namespace CloudConfig.Deltacloud.Embedded.Tests;

public sealed class OptionsValidationTests
{
    [Fact]
    public async Task StartAsync_SeveralInvalidOptions_ThrowsOneExceptionListingEveryProblem()
    {
        var options = new EmbeddedDeltacloudOptions
        {
            ListenAddress = IPAddress.Parse("192.0.2.1"),
            Port = 70000,
            Username = string.Empty,
            Password = string.Empty,
            Driver = " ",
            PendingDuration = TimeSpan.FromSeconds(-1),
            CreateLatency = TimeSpan.FromSeconds(-1),
        };
        options.Realms.Clear();
        options.Images.Add(new EmbeddedImage("img1", "duplicate", "me", "x86_64"));

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => EmbeddedDeltacloud.StartAsync(options));

        Assert.Equal(
            "ListenAddress must be a loopback address.; Port must be between 0 and 65535.; "
            + "Username must be non-empty and must not contain ':'.; Password must be non-empty.; Driver must be non-empty.; "
            + "PendingDuration must not be negative.; CreateLatency must not be negative.; "
            + "Images must not repeat an id.; Realms must not be empty.",
            exception.Message);
    }

    [Fact]
    public async Task StartAsync_DefaultOptions_ListensOnLoopbackWithMockCredentials()
    {
        await using var cloud = await EmbeddedDeltacloud.StartAsync();

        Assert.Equal("127.0.0.1", cloud.ApiUrl.Host);
        Assert.NotEqual(0, cloud.ApiUrl.Port);
        Assert.Equal("/api", cloud.ApiUrl.AbsolutePath);
        Assert.Equal("mockuser", cloud.Username);
        Assert.Equal("mockpassword", cloud.Password);
        Assert.Equal("mock", cloud.Driver);
        Assert.Empty(cloud.Instances);
    }
}
