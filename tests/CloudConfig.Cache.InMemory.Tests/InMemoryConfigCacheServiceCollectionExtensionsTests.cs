using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
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
    public void AddInMemoryConfigCache_DoesNotOverrideACacheTheUserRegistered()
    {
        var mine = new InMemoryConfigCache();
        var services = new ServiceCollection().AddSingleton<IConfigCache>(mine);

        using var provider = services.AddInMemoryConfigCache().BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IConfigCache>());
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
