using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent.Tests;

public sealed class ConfigAgentServiceCollectionExtensionsTests
{
    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IRendezvousConnector>(new TestConnector(new InMemoryConfigCache()));
        return services;
    }

    [Fact]
    public void AddConfigAgent_Defaults_RegistersTheAgentTheFileApplierAndTheSourcesInOrder()
    {
        using var provider = Services().AddConfigAgent(o => o.StateDirectory = "/tmp/state").BuildServiceProvider();

        Assert.IsType<ConfigAgent>(provider.GetRequiredService<IConfigAgent>());
        var applier = Assert.IsType<FileConfigurationApplier>(provider.GetRequiredService<IConfigurationApplier>());
        Assert.Equal("/tmp/state/configuration", applier.Path);
        Assert.Equal(
            [typeof(ExplicitBootStringSource), typeof(EnvironmentBootStringSource), typeof(UserDataFileBootStringSource), typeof(MetadataServiceBootStringSource), typeof(KernelCommandLineBootStringSource)],
            provider.GetServices<IBootStringSource>().Select(s => s.GetType()));
    }

    [Fact]
    public void AddConfigAgent_WithCommand_UsesTheCommandApplier()
    {
        using var provider = Services().AddConfigAgent(o => o.Command = "/bin/true").BuildServiceProvider();

        Assert.IsType<CommandConfigurationApplier>(provider.GetRequiredService<IConfigurationApplier>());
    }

    [Fact]
    public void AddConfigAgent_ApplierRegisteredBefore_IsKept()
    {
        var mine = new CountingApplier(new FileConfigurationApplier("x"));
        var services = Services();
        services.AddSingleton<IConfigurationApplier>(mine);

        using var provider = services.AddConfigAgent().BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IConfigurationApplier>());
    }

    [Fact]
    public void AddConfigAgent_InvalidOptions_FailsWhenTheAgentIsResolved()
    {
        using var provider = Services().AddConfigAgent(o => o.RetryJitter = -1).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IConfigAgent>());

        Assert.Equal(["RetryJitter must be at least 0 and less than 1 (was -1)."], error.Failures);
    }

    [Fact]
    public void AddConfigAgent_NullServices_Throws() =>
        Assert.Throws<ArgumentNullException>(() => ConfigAgentServiceCollectionExtensions.AddConfigAgent(null!));
}
