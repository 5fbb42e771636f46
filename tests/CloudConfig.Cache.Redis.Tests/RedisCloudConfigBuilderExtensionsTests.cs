using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task AddInMemoryConfigCache_AfterRedisOnTheBuilder_LeavesRedisInPlace()
    {
        var services = new ServiceCollection();

        services.AddCloudConfig(o => o.RendezvousAddress = "127.0.0.1:8443")
            .AddRedisConfigCache(o => o.Configuration = "127.0.0.1:1")
            .AddInMemoryConfigCache();
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<RedisConfigCache>(provider.GetRequiredService<IConfigRegistry>());
    }

    [Fact]
    public void AddRedisConfigCache_NullBuilderOrConfigure_Throw()
    {
        var builder = new ServiceCollection().AddCloudConfig();

        Assert.Throws<ArgumentNullException>(() => ((ICloudConfigBuilder)null!).AddRedisConfigCache(_ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.AddRedisConfigCache(null!));
    }
}
