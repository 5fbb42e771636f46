using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudConfig.Core.Tests.Provisioning;

public sealed class CloudConfigServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddCloudConfig_WithACacheAndALauncher_ResolvesAWorkingProvisioner()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IInstanceLauncher, RecordingLauncher>();
        services.AddCloudConfig(o => o.RendezvousAddress = "10.0.0.1:8443").AddInMemoryConfigCache();
        using var provider = services.BuildServiceProvider();

        var handle = await provider.GetRequiredService<ConfigProvisioner>().ProvisionAsync(ProvisionerFixture.Request());

        Assert.NotNull(await provider.GetRequiredService<IConfigRegistry>().GetAsync(handle.Uuid));
    }

    [Fact]
    public void AddCloudConfig_WithoutALauncher_SaysWhatIsMissing()
    {
        using var provider = new ServiceCollection()
            .AddCloudConfig(o => o.RendezvousAddress = "10.0.0.1").AddInMemoryConfigCache().Services
            .BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ConfigProvisioner>());

        Assert.Contains("No instance launcher is registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvisioningOptions_Invalid_FailAtStartListingEveryProblem()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddCloudConfig(o =>
        {
            o.RendezvousAddress = "ftp://rendezvous.example";
            o.CertificateFingerprint = "not-hex";
            o.StatusPollInterval = TimeSpan.Zero;
            o.MaxParallelism = 0;
        }).AddInMemoryConfigCache();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "RendezvousAddress: 'ftp://rendezvous.example' is not a rendezvous address: only http and https URLs name a rendezvous server (was 'ftp'). Write host:port, [IPv6]:port or a URL such as http://host:port/.",
                "CertificateFingerprint must be 64 lowercase hexadecimal digits.",
                "StatusPollInterval must be positive (was 00:00:00).",
                "MaxParallelism must be at least 1 (was 0).",
            ],
            error.Failures);
    }

    [Fact]
    public void ConfigProvisioner_ConstructedWithInvalidOptions_ThrowsTheSameProblems()
    {
        var options = Options.Create(new ProvisioningOptions { RendezvousAddress = "2001:db8::1", MaxParallelism = 0 });

        var error = Assert.Throws<OptionsValidationException>(() => new ConfigProvisioner(new InMemoryConfigCache(), new RecordingLauncher(), options));

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains("RendezvousAddress: '2001:db8::1' is not a rendezvous address: IPv6 addresses must be written in brackets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvisioningOptions_UrlAsTheRendezvousAddress_GoesIntoTheBootStringAsHostAndPort()
    {
        var launcher = new RecordingLauncher();
        var services = new ServiceCollection().AddSingleton<IInstanceLauncher>(launcher);
        services.AddCloudConfig(o => o.RendezvousAddress = "http://127.0.0.1:35019/").AddInMemoryConfigCache();
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ConfigProvisioner>().ProvisionAsync(ProvisionerFixture.Request());

        Assert.Equal("127.0.0.1:35019", BootString.Parse(Assert.Single(launcher.Launched).UserData!).Address.ToString());
    }

    [Fact]
    public void AddConfigCache_Instance_ReplacesTheCacheAddedBeforeForEveryRole()
    {
        var shared = new InMemoryConfigCache();
        var services = new ServiceCollection();

        services.AddCloudConfig(o => o.RendezvousAddress = "10.0.0.1:8443").AddInMemoryConfigCache().AddConfigCache(shared);
        using var provider = services.BuildServiceProvider();

        Assert.Same(shared, provider.GetRequiredService<IConfigCache>());
        Assert.Same(shared, provider.GetRequiredService<IConfigRegistry>());
        Assert.Same(shared, provider.GetRequiredService<IConfigRendezvous>());
        Assert.Single(services, d => d.ServiceType == typeof(IConfigCache));
    }

    [Fact]
    public void AddInMemoryConfigCache_AfterASharedInstance_ReplacesIt()
    {
        var shared = new InMemoryConfigCache();
        var services = new ServiceCollection();

        services.AddCloudConfig(o => o.RendezvousAddress = "10.0.0.1:8443").AddConfigCache(shared).AddInMemoryConfigCache();
        using var provider = services.BuildServiceProvider();

        // The last cache added wins, for every package: the order of the calls is the whole rule.
        Assert.NotSame(shared, provider.GetRequiredService<IConfigRegistry>());
        Assert.IsType<InMemoryConfigCache>(provider.GetRequiredService<IConfigRegistry>());
    }
}
