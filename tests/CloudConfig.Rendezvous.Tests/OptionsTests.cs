using CloudConfig.Cache.InMemory;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void RendezvousOptions_EveryProblem_IsListedInOneFailure()
    {
        var options = new RendezvousOptions
        {
            ApiKey = "short",
            MaxLongPoll = TimeSpan.FromSeconds(-1),
            FailuresPerAddress = 0,
            FailuresPerEntry = -1,
            FailureWindow = TimeSpan.Zero,
            RefusalLogInterval = TimeSpan.Zero,
            ReadinessTimeout = TimeSpan.FromSeconds(-1),
            MaxPageSize = 0,
            Limits = new ConfigCacheLimits { MaxConfigurationBytes = 0 },
        };

        var result = new RendezvousOptionsValidator().Validate(null, options);

        Assert.Equal(
            "ApiKey must have at least 22 characters.; MaxConfigurationBytes must be greater than zero (was 0).; MaxLongPoll must not be negative.; "
            + "FailuresPerAddress must be greater than zero.; FailuresPerEntry must be greater than zero.; FailureWindow must be greater than zero.; "
            + "RefusalLogInterval must be greater than zero.; ReadinessTimeout must be greater than zero.; MaxPageSize must be greater than zero.",
            result.FailureMessage);
    }

    [Fact]
    public void RendezvousOptions_MaxRequestBodyBytes_CoversTheBase64OfTheLargestConfigurationPlusOverhead()
    {
        var options = new RendezvousOptions { Limits = new ConfigCacheLimits { MaxConfigurationBytes = 3000 } };

        Assert.Equal(4000 + RendezvousOptions.BodyOverheadBytes, options.MaxRequestBodyBytes);
    }

    [Fact]
    public void RendezvousConfigCache_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new RendezvousConfigCacheOptions
        {
            BaseAddress = new Uri("ftp://example.invalid/"),
            RequestTimeout = TimeSpan.Zero,
            MaxRetryAttempts = -1,
            PageSize = 0,
        };

        var error = Assert.Throws<OptionsValidationException>(() => new RendezvousConfigCache(Options.Create(options)));

        Assert.Equal(
            "BaseAddress must be an absolute http or https URL.; ApiKey is required.; RequestTimeout must be greater than zero.; "
            + "MaxRetryAttempts must not be negative.; PageSize must be greater than zero.",
            error.Message);
    }

    [Fact]
    public void RendezvousInstanceClient_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new RendezvousInstanceClientOptions { RequestTimeout = TimeSpan.Zero, RetryBaseDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(1) };

        var error = Assert.Throws<OptionsValidationException>(() => new RendezvousInstanceClient(new Uri("file:///tmp"), options));

        Assert.Equal(
            "RequestTimeout must be greater than zero.; MaxRetryDelay must not be less than RetryBaseDelay.; The base address must be an absolute http or https URL.",
            error.Message);
    }

    [Fact]
    public void AddRendezvousConfigCache_AfterAnotherCache_ReplacesItForEveryRole()
    {
        var services = new ServiceCollection()
            .AddInMemoryConfigCache()
            .AddRendezvousConfigCache(o => (o.BaseAddress, o.ApiKey) = (new Uri("http://127.0.0.1:1/"), "key"));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<RendezvousConfigCache>(provider.GetRequiredService<IConfigCache>());
        Assert.IsType<RendezvousConfigCache>(provider.GetRequiredService<IConfigRegistry>());
        Assert.IsType<RendezvousConfigCache>(provider.GetRequiredService<IConfigRendezvous>());
    }

    [Fact]
    public void AddRendezvousConfigCache_ThenAnotherCache_IsReplacedInTurn()
    {
        var later = new InMemoryConfigCache();

        using var provider = new ServiceCollection()
            .AddRendezvousConfigCache(o => (o.BaseAddress, o.ApiKey) = (new Uri("http://127.0.0.1:1/"), "key"))
            .AddConfigCache(later)
            .BuildServiceProvider();

        Assert.Same(later, provider.GetRequiredService<IConfigRegistry>());
        Assert.Same(later, provider.GetRequiredService<IConfigCache>());
    }

    [Fact]
    public void AddRendezvousConfigCache_OnCloudConfigBuilder_ReplacesTheCacheAndReturnsTheBuilder()
    {
        var services = new ServiceCollection();
        var builder = services.AddCloudConfig().AddInMemoryConfigCache();

        var returned = builder.AddRendezvousConfigCache(o => (o.BaseAddress, o.ApiKey) = (new Uri("http://127.0.0.1:1/"), "key"));
        using var provider = services.BuildServiceProvider();

        Assert.Same(builder, returned);
        Assert.IsType<RendezvousConfigCache>(provider.GetRequiredService<IConfigRegistry>());
        Assert.Equal(new Uri("http://127.0.0.1:1/"), provider.GetRequiredService<IOptions<RendezvousConfigCacheOptions>>().Value.BaseAddress);
    }

    [Fact]
    public async Task AddRendezvousConfigCache_InvalidOptions_FailAtStartListingEveryProblem()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRendezvousConfigCache(o => o.PageSize = -1);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["BaseAddress must be an absolute http or https URL.", "ApiKey is required.", "PageSize must be greater than zero."], error.Failures);
    }

    [Fact]
    public async Task AddRendezvousInstanceClient_InvalidOptions_FailAtStartListingEveryProblem()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRendezvousInstanceClient(o => (o.RequestTimeout, o.MaxRetryAttempts) = (TimeSpan.Zero, -1));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["BaseAddress is required.", "RequestTimeout must be greater than zero.", "MaxRetryAttempts must not be negative."], error.Failures);
    }

    [Fact]
    public async Task AddConfigRendezvous_InvalidOptions_FailAtStartListingEveryProblem()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddInMemoryConfigCache().AddConfigRendezvous(o => (o.ApiKey, o.MaxPageSize) = ("short", 0));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["ApiKey must have at least 22 characters.", "MaxPageSize must be greater than zero."], error.Failures);
    }
}
