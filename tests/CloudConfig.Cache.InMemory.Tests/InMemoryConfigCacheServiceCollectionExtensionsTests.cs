using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.InMemory.Tests;

public sealed class InMemoryConfigCacheServiceCollectionExtensionsTests
{
    [Fact]
    public void AddInMemoryConfigCache_ResolvesOneCacheBehindEveryRole()
    {
        using var provider = new ServiceCollection().AddInMemoryConfigCache().BuildServiceProvider();

        var cache = provider.GetRequiredService<IConfigCache>();

        Assert.IsType<InMemoryConfigCache>(cache);
        Assert.Same(cache, provider.GetRequiredService<IConfigRegistry>());
        Assert.Same(cache, provider.GetRequiredService<IConfigRendezvous>());
    }

    [Fact]
    public void AddInMemoryConfigCache_AfterAnotherCache_ReplacesItForEveryRole()
    {
        // The family's one rule: the cache added last wins.
        var earlier = new InMemoryConfigCache();
        var services = new ServiceCollection().AddConfigCache(earlier);

        using var provider = services.AddInMemoryConfigCache().BuildServiceProvider();

        var cache = provider.GetRequiredService<IConfigCache>();
        Assert.NotSame(earlier, cache);
        Assert.IsType<InMemoryConfigCache>(cache);
        Assert.Same(cache, provider.GetRequiredService<IConfigRegistry>());
        Assert.Same(cache, provider.GetRequiredService<IConfigRendezvous>());
        Assert.Single(services, d => d.ServiceType == typeof(IConfigCache));
    }

    [Fact]
    public void AddConfigCache_AfterTheInMemoryCache_ReplacesIt()
    {
        var later = new InMemoryConfigCache();

        using var provider = new ServiceCollection().AddInMemoryConfigCache().AddConfigCache(later).BuildServiceProvider();

        Assert.Same(later, provider.GetRequiredService<IConfigRegistry>());
    }

    [Fact]
    public async Task AddInMemoryConfigCache_InvalidOptions_FailAtStartListingEveryProblem()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddInMemoryConfigCache(o => o.Limits = new Core.ConfigCacheLimits { MaxParameters = 0, MaxNameLength = 0 });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(InMemoryConfigCacheOptions), error.OptionsType);
        Assert.Equal(2, error.Failures.Count());
        Assert.Contains("MaxParameters must be greater than zero (was 0).", error.Failures);
    }

    [Fact]
    public async Task AddInMemoryConfigCache_AppliesTheConfiguredLimits()
    {
        using var provider = new ServiceCollection()
            .AddInMemoryConfigCache(o => o.Limits.MaxConfigurationBytes = 4)
            .BuildServiceProvider();
        var cache = provider.GetRequiredService<IConfigCache>();

        await Assert.ThrowsAsync<ConfigurationTooLargeException>(() => cache.PreRegisterAsync(
            ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("12345"), Secret.Generate())));
    }

    [Fact]
    public void AddInMemoryConfigCache_InvalidOptions_FailValidationWithEveryProblem()
    {
        using var provider = new ServiceCollection()
            .AddInMemoryConfigCache(o => o.Limits = new Core.ConfigCacheLimits { MaxParameters = 0, MaxNameLength = 0 })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InMemoryConfigCacheOptions>>().Value);

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains("MaxParameters must be greater than zero (was 0).", error.Failures);
    }
}
