using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Redis.Tests;

public sealed class RedisCloudConfigBuilderExtensionsTests
{
    [Fact]
    public async Task AddRedisConfigCache_AfterTheInMemoryCacheOnTheBuilder_ReplacesItForEveryRole()
    {
        var services = new ServiceCollection();
        var builder = services.AddCloudConfig(o => o.RendezvousAddress = "127.0.0.1:8443").AddInMemoryConfigCache();

        var returned = builder.AddRedisConfigCache(o => o.Configuration = "127.0.0.1:1");
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Same(builder, returned);
        var cache = provider.GetRequiredService<IConfigCache>();
        Assert.IsType<RedisConfigCache>(cache);
        Assert.Same(cache, provider.GetRequiredService<IConfigRegistry>());
        Assert.Same(cache, provider.GetRequiredService<IConfigRendezvous>());
        Assert.Single(services, d => d.ServiceType == typeof(IConfigCache));
        Assert.Equal("127.0.0.1:1", provider.GetRequiredService<IOptions<RedisConfigCacheOptions>>().Value.Configuration);
    }

    [Fact]
    public async Task AddInMemoryConfigCache_AfterRedisOnTheBuilder_ReplacesRedis()
    {
        var services = new ServiceCollection();

        // The family's one rule: the cache added last wins, whichever package it comes from.
        services.AddCloudConfig(o => o.RendezvousAddress = "127.0.0.1:8443")
            .AddRedisConfigCache(o => o.Configuration = "127.0.0.1:1")
            .AddInMemoryConfigCache();
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<CloudConfig.Cache.InMemory.InMemoryConfigCache>(provider.GetRequiredService<IConfigRegistry>());
        Assert.Single(services, d => d.ServiceType == typeof(IConfigCache));
    }

    [Fact]
    public async Task AddRedisConfigCache_InvalidOptions_FailAtStartListingEveryProblem()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRedisConfigCache(o =>
        {
            o.KeyPrefix = "";
            o.OperationTimeout = TimeSpan.Zero;
            o.StaleSweepBatchSize = 0;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(RedisConfigCacheOptions), error.OptionsType);
        Assert.Equal(4, error.Failures.Count());
        Assert.Contains("Exactly one of Configuration (a connection string) and ConnectionMultiplexer must be set.", error.Failures);
        Assert.Contains("KeyPrefix must not be empty.", error.Failures);
        Assert.Contains("StaleSweepBatchSize must be greater than zero (was 0).", error.Failures);
    }

    [Fact]
    public void AddRedisConfigCache_NullBuilderOrConfigure_Throw()
    {
        var builder = new ServiceCollection().AddCloudConfig();

        Assert.Throws<ArgumentNullException>(() => ((ICloudConfigBuilder)null!).AddRedisConfigCache(_ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.AddRedisConfigCache(null!));
    }
}
