using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
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
    public void ProvisioningOptions_Invalid_ListEveryProblem()
    {
        using var provider = new ServiceCollection()
            .AddCloudConfig(o =>
            {
                o.RendezvousAddress = "2001:db8::1";
                o.StatusPollInterval = TimeSpan.Zero;
                o.MaxParallelism = 0;
            }).Services
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProvisioningOptions>>().Value);

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("RendezvousAddress is not valid: Invalid boot string address: IPv6 addresses must be written in brackets", StringComparison.Ordinal));
        Assert.Contains("StatusPollInterval must be positive (was 00:00:00).", error.Failures);
        Assert.Contains("MaxParallelism must be at least 1 (was 0).", error.Failures);
    }
}
