using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
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
    public void AddConfigAgent_NoConnectorRegistered_UsesTheHttpConnector()
    {
        var services = new ServiceCollection().AddLogging();

        using var provider = services.AddConfigAgent(o => o.StateDirectory = "/tmp/state").BuildServiceProvider();

        Assert.IsType<HttpRendezvousConnector>(provider.GetRequiredService<IRendezvousConnector>());
        Assert.IsType<ConfigAgent>(provider.GetRequiredService<IConfigAgent>());
    }

    [Fact]
    public void AddConfigAgent_ConnectorRegisteredBeforeOrAfter_WinsOverTheHttpConnector()
    {
        var before = new TestConnector(new InMemoryConfigCache());
        var after = new TestConnector(new InMemoryConfigCache());

        using var keptBefore = new ServiceCollection().AddSingleton<IRendezvousConnector>(before).AddConfigAgent().BuildServiceProvider();
        using var addedAfter = new ServiceCollection().AddConfigAgent().AddSingleton<IRendezvousConnector>(after).BuildServiceProvider();

        Assert.Same(before, keptBefore.GetRequiredService<IRendezvousConnector>());
        Assert.Same(after, addedAfter.GetRequiredService<IRendezvousConnector>());
    }

    [Fact]
    public void HttpConnectorOptions_FollowTheAgentsLimitsAndRequestTimeout()
    {
        var agent = new ConfigAgentOptions { RequestTimeout = TimeSpan.FromSeconds(7), Limits = { MaxConfigurationBytes = 3 * 1024 * 1024 } };

        var client = HttpRendezvousConnector.ClientOptionsFor(agent);
        var defaults = HttpRendezvousConnector.ClientOptionsFor(new ConfigAgentOptions());

        // 3 MiB in base64 (4,194,304 bytes) plus the 128 KiB the rest of the message may take.
        Assert.Equal(4_194_304 + 131_072, client.MaxResponseBytes);
        Assert.Equal(TimeSpan.FromSeconds(7), client.RequestTimeout);
        Assert.Equal(2, client.MaxRetryAttempts);
        Assert.Equal(RendezvousInstanceClientOptions.DefaultMaxResponseBytes, defaults.MaxResponseBytes);
        // The client's own checks accept them (it refuses invalid options when it is made).
        using var accepted = new RendezvousInstanceClient(new Uri("http://127.0.0.1:1/"), client);
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
