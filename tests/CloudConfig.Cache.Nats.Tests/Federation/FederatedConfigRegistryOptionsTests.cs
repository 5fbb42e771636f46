using CloudConfig.Cache.InMemory;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Nats.Tests.Federation;

public sealed class FederatedConfigRegistryOptionsTests
{
    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblemInOneException()
    {
        var options = new FederatedConfigRegistryOptions { DefaultDomain = "nowhere", LinkStatusInterval = TimeSpan.FromSeconds(-1), BucketPrefix = "" };
        options.Clouds.Add(new NatsCloudLinkOptions { Domain = "a", JetStreamDomain = "a.b", Url = "nats://127.0.0.1:4222" });
        options.Clouds.Add(new NatsCloudLinkOptions { Domain = "a", JetStreamDomain = "b", Password = "hunter2hunter2" });

        var error = Assert.Throws<OptionsValidationException>(() => new FederatedConfigRegistry(Options.Create(options)));

        Assert.Equal(
            [
                "Clouds[0].JetStreamDomain must be a JetStream domain: 1 to 64 letters, digits, '-' or '_'.",
                "Exactly one of Clouds[1].Url and Clouds[1].Connection must be set.",
                "Clouds[1].Password needs Clouds[1].Username.",
                "Each cloud needs its own Domain.",
                "DefaultDomain must be the Domain of one of the clouds.",
                "LinkStatusInterval must not be negative (was -00:00:01).",
                "BucketPrefix must be 1 to 64 letters, digits, '-' or '_'.",
            ],
            error.Failures);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoCloud_IsReported()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new FederatedConfigRegistry(Options.Create(new FederatedConfigRegistryOptions())));

        Assert.Equal(["Clouds must name at least one cloud."], error.Failures);
    }

    [Fact]
    public async Task PreRegister_ADomainNoCloudServesAndNoDefault_ThrowsInvalidInputNamingDomain()
    {
        var options = new FederatedConfigRegistryOptions { LinkStatusInterval = TimeSpan.Zero };
        options.Clouds.Add(new NatsCloudLinkOptions { Domain = "a", JetStreamDomain = "a", Url = $"nats://127.0.0.1:{CloudConfig.Testing.Nats.NatsServer.FreeLoopbackPort()}" });
        await using var registry = new FederatedConfigRegistry(Options.Create(options));

        var error = await Assert.ThrowsAsync<InvalidConfigInputException>(
            () => registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("echo"), Secret.Generate()) with { Domain = "b" }));

        Assert.Equal("domain", error.Field);
        Assert.Equal(["a"], registry.Domains);
    }

    [Fact]
    public async Task AddFederatedConfigRegistry_OnTheBuilder_BecomesTheProvisionersRegistry()
    {
        var services = new ServiceCollection();
        services.AddInMemoryConfigCache();
        services.AddCloudConfig().AddFederatedConfigRegistry(o =>
        {
            o.Clouds.Add(new NatsCloudLinkOptions { Domain = "a", JetStreamDomain = "a", Url = "nats://127.0.0.1:4222" });
            o.LinkStatusInterval = TimeSpan.Zero;
        });
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<FederatedConfigRegistry>(provider.GetRequiredService<IConfigRegistry>());
        Assert.IsType<InMemoryConfigCache>(provider.GetRequiredService<IConfigCache>());
    }
}
