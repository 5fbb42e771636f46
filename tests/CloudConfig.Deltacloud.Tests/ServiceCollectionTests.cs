using CloudConfig.Core;
using CloudConfig.Deltacloud.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudConfig.Deltacloud.Tests;

public sealed class ServiceCollectionTests
{
    [Fact]
    public void AddDeltacloudClient_InvalidOptions_ListsEveryProblemInOneException()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddDeltacloudClient(o =>
            {
                o.BaseUrl = new Uri("ftp://host/api");
                o.Username = "mockuser";
                o.Driver = " ";
                o.RequestTimeout = TimeSpan.Zero;
                o.MaxRetryAttempts = 11;
                o.MaxCreateAttempts = 0;
                o.MaxUserDataBytes = 0;
            })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IDeltacloudClient>());

        Assert.Equal(
            "BaseUrl must be an absolute http or https URL.; Username and Password must be set together.; Driver must not be blank.; "
            + "RequestTimeout must be positive.; MaxRetryAttempts must be between 0 and 10.; MaxCreateAttempts must be between 1 and 5.; "
            + "MaxUserDataBytes must be positive.",
            error.Message);
    }

    [Fact]
    public async Task AddDeltacloudClient_ValidOptions_ResolvesWorkingClientAndLauncher()
    {
        using var server = new ReplayServer();
        server.StubEntryPoint(DeltacloudFormat.Xml);
        server.Stub(RecordedExchange.Get("027"));
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddDeltacloudClient(o =>
            {
                o.BaseUrl = server.ApiUrl;
                o.Username = "mockuser";
                o.Password = "mockpassword";
            })
            .AddDeltacloudInstanceLauncher()
            .BuildServiceProvider();

        var realms = await provider.GetRequiredService<IDeltacloudClient>().Realms.ListAsync();

        Assert.Equal(2, realms.Count);
        Assert.IsType<DeltacloudInstanceLauncher>(provider.GetRequiredService<IInstanceLauncher>());
        var sent = Assert.Single(server.Server.LogEntries, e => e.RequestMessage.Path == "/api/realms");
        Assert.Equal("Basic bW9ja3VzZXI6bW9ja3Bhc3N3b3Jk", sent.RequestMessage.Headers!["Authorization"][0]);
    }

    [Fact]
    public async Task ForDriver_SendsDriverAndProviderHeaders()
    {
        using var server = new ReplayServer();
        server.Stub(RecordedExchange.Get("007"), matchQuery: false);
        using var client = server.CreateClient();

        var entry = await client.ForDriver("mock", "someprovider").GetEntryPointAsync();

        Assert.Equal("someprovider", entry.Provider);
        var headers = Assert.Single(server.Server.LogEntries).RequestMessage.Headers!;
        Assert.Equal("mock", headers["X-Deltacloud-Driver"][0]);
        Assert.Equal("someprovider", headers["X-Deltacloud-Provider"][0]);
    }
}
