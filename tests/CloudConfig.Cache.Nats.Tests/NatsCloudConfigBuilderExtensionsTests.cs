using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Nats.Tests;

/// <summary>The family's one DI rule (the cache added last wins, the roles follow it) and options checked at start.</summary>
public sealed class NatsCloudConfigBuilderExtensionsTests
{
    [Fact]
    public async Task AddNatsConfigCache_AfterTheInMemoryCacheOnTheBuilder_ReplacesItForEveryRole()
    {
        var services = new ServiceCollection();
        var builder = services.AddCloudConfig(o => o.RendezvousAddress = "127.0.0.1:8443").AddInMemoryConfigCache();

        var returned = builder.AddNatsConfigCache(o => o.Url = "nats://127.0.0.1:1");
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Same(builder, returned);
        var cache = provider.GetRequiredService<IConfigCache>();
        Assert.IsType<NatsConfigCache>(cache);
        Assert.Same(cache, provider.GetRequiredService<IConfigRegistry>());
        Assert.Same(cache, provider.GetRequiredService<IConfigRendezvous>());
        Assert.Single(services, d => d.ServiceType == typeof(IConfigCache));
        Assert.Equal("nats://127.0.0.1:1", provider.GetRequiredService<IOptions<NatsConfigCacheOptions>>().Value.Url);
    }

    [Fact]
    public async Task AddInMemoryConfigCache_AfterNatsOnTheBuilder_ReplacesNats()
    {
        var services = new ServiceCollection();

        services.AddCloudConfig(o => o.RendezvousAddress = "127.0.0.1:8443")
            .AddNatsConfigCache(o => o.Url = "nats://127.0.0.1:1")
            .AddInMemoryConfigCache();
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<InMemoryConfigCache>(provider.GetRequiredService<IConfigRegistry>());
        Assert.IsType<InMemoryConfigCache>(provider.GetRequiredService<IConfigRendezvous>());
        Assert.Single(services, d => d.ServiceType == typeof(IConfigCache));
    }

    [Fact]
    public async Task AddConfigCache_AnInstanceAfterNats_ReplacesNats()
    {
        var services = new ServiceCollection();
        var mine = new InMemoryConfigCache();

        services.AddNatsConfigCache(o => o.Url = "nats://127.0.0.1:1").AddConfigCache(mine);
        await using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IConfigCache>());
        Assert.Same(mine, provider.GetRequiredService<IConfigRegistry>());
    }

    [Fact]
    public async Task AddNatsConfigCache_InvalidOptions_FailAtStartListingEveryProblem()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddNatsConfigCache(o =>
        {
            o.BucketPrefix = "bad prefix";
            o.OperationTimeout = TimeSpan.Zero;
            o.Password = "hunter2hunter2";
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(NatsConfigCacheOptions), error.OptionsType);
        Assert.Equal(
            [
                "Exactly one of Url and Connection must be set.",
                "Password needs Username.",
                "BucketPrefix must be 1 to 64 letters, digits, '-' or '_'.",
                "OperationTimeout must be greater than zero and at most 00:05:00 (was 00:00:00).",
            ],
            error.Failures);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNatsConfigCache_NullBuilderServicesOrConfigure_Throw()
    {
        var builder = new ServiceCollection().AddCloudConfig();

        Assert.Throws<ArgumentNullException>(() => ((ICloudConfigBuilder)null!).AddNatsConfigCache(_ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.AddNatsConfigCache(null!));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddNatsConfigCache(_ => { }));
    }
}
