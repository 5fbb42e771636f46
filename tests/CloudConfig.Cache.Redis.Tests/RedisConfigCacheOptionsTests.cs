using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Redis.Tests;

public sealed class RedisConfigCacheOptionsTests
{
    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblemInOneException()
    {
        var options = new RedisConfigCacheOptions
        {
            KeyPrefix = "a{b}",
            OperationTimeout = TimeSpan.Zero,
            StaleSweepBatchSize = 0,
            ContactWriteInterval = TimeSpan.FromMinutes(2),
            Limits = new ConfigCacheLimits { MaxEntries = 0 },
        };

        var error = Assert.Throws<OptionsValidationException>(() => new RedisConfigCache(Options.Create(options)));

        Assert.Equal(
            [
                "Exactly one of Configuration (a connection string) and ConnectionMultiplexer must be set.",
                "KeyPrefix must not contain braces or control characters.",
                "OperationTimeout must be greater than zero and at most 00:05:00 (was 00:00:00).",
                "StaleSweepBatchSize must be greater than zero (was 0).",
                "ContactWriteInterval must be between zero and 00:01:00 (was 00:02:00).",
                "MaxEntries must be greater than zero (was 0).",
            ],
            error.Failures);
        Assert.Equal(string.Join("; ", error.Failures), error.Message);
    }

    [Fact]
    public void Constructor_EmptyPrefixAndNullLimits_AreReported()
    {
        var options = new RedisConfigCacheOptions { Configuration = "127.0.0.1:1", KeyPrefix = " ", Limits = null! };

        var error = Assert.Throws<OptionsValidationException>(() => new RedisConfigCache(Options.Create(options)));

        Assert.Equal(["KeyPrefix must not be empty.", "Limits must not be null."], error.Failures);
    }

    [Theory]
    [InlineData("127.0.0.1:6379,password=hunter2hunter2,unknownOption=1")]
    [InlineData("password=hunter2hunter2")]
    public void Constructor_InvalidConnectionString_IsReportedWithoutQuotingIt(string configuration)
    {
        var options = new RedisConfigCacheOptions { Configuration = configuration };

        var error = Assert.Throws<OptionsValidationException>(() => new RedisConfigCache(Options.Create(options)));

        Assert.Equal(["Configuration is not a valid StackExchange.Redis connection string."], error.Failures);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_RedisNotRunning_DoesNotConnectUntilFirstUse()
    {
        // Nothing listens on port 1: construction must still succeed (lazy, tolerant of Redis being down).
        await using var cache = new RedisConfigCache(Options.Create(new RedisConfigCacheOptions { Configuration = "127.0.0.1:1", OperationTimeout = TimeSpan.FromSeconds(1) }));

        var error = await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => cache.GetAsync(Guid.NewGuid()));

        Assert.Equal("The Redis backend is unavailable.", error.Message);
    }

    [Fact]
    public async Task AddRedisConfigCache_AfterTheInMemoryCache_ReplacesItForEveryRole()
    {
        var services = new ServiceCollection();
        services.AddInMemoryConfigCache();

        services.AddRedisConfigCache(o => o.Configuration = "127.0.0.1:1");
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var cache = provider.GetRequiredService<IConfigCache>();
        Assert.IsType<RedisConfigCache>(cache);
        Assert.Same(cache, provider.GetRequiredService<IConfigRegistry>());
        Assert.Same(cache, provider.GetRequiredService<IConfigRendezvous>());
        Assert.Single(services, d => d.ServiceType == typeof(IConfigCache));
    }

    [Fact]
    public void AddRedisConfigCache_ContainerDisposedSynchronously_DisposesTheCache()
    {
        var services = new ServiceCollection();
        services.AddRedisConfigCache(o => o.Configuration = "127.0.0.1:1");
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IConfigCache>();

        // A container refuses to dispose synchronously a singleton that is only IAsyncDisposable.
        var error = Record.Exception(provider.Dispose);

        Assert.Null(error);
    }

    [Fact]
    public async Task AddRedisConfigCache_InvalidOptions_FailValidationWithEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddRedisConfigCache(o => o.KeyPrefix = "");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisConfigCacheOptions>>().Value);

        Assert.Equal(
            ["Exactly one of Configuration (a connection string) and ConnectionMultiplexer must be set.", "KeyPrefix must not be empty."],
            error.Failures);
    }

    [Fact]
    public void AddRedisConfigCache_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddRedisConfigCache(_ => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddRedisConfigCache(null!));
    }
}
