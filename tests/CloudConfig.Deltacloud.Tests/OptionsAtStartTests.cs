using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>Bad options stop the host from starting, with every problem in one message.</summary>
public sealed class OptionsAtStartTests
{
    [Fact]
    public async Task AddDeltacloudClient_InvalidOptions_FailAtStartListingEveryProblem()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddDeltacloudClient(o =>
        {
            o.BaseUrl = new Uri("ftp://host/api");
            o.RequestTimeout = TimeSpan.Zero;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(DeltacloudClientOptions), error.OptionsType);
        Assert.Equal(["BaseUrl must be an absolute http or https URL.", "RequestTimeout must be positive."], error.Failures);
    }

    [Fact]
    public async Task AddDeltacloudInstanceLauncher_InvalidOptions_FailAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services
            .AddDeltacloudClient(o => (o.BaseUrl, o.Username, o.Password) = (new Uri("http://127.0.0.1:1/api"), "u", "p"))
            .AddDeltacloudInstanceLauncher(o => o.StopTimeout = TimeSpan.Zero);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(DeltacloudLauncherOptions), error.OptionsType);
        Assert.Equal(["StopTimeout must be positive (was 00:00:00)."], error.Failures);
    }

    [Fact]
    public void DeltacloudInstanceLauncher_ConstructedWithInvalidOptions_Throws()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            new DeltacloudInstanceLauncher(Mock.Of<IDeltacloudClient>(), new DeltacloudLauncherOptions { StopTimeout = TimeSpan.FromSeconds(-1) }));

        Assert.Equal("StopTimeout must be positive (was -00:00:01).", error.Message);
    }
}
