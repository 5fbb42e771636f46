using CloudConfig.Core;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent.Tests;

public sealed class ConfigAgentOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new ConfigAgentOptionsValidator().Validate(null, new ConfigAgentOptions()).Succeeded);

    [Fact]
    public void Validate_ManyProblems_ListsEveryOneWithoutQuotingSecrets()
    {
        const string leakedSecret = "do-not-print-this-secret-value-0123456789";
        var options = new ConfigAgentOptions
        {
            BootString = "not-a-boot-string:" + leakedSecret,
            MetadataServiceUrl = new Uri("ftp://169.254.169.254/"),
            MetadataTimeout = TimeSpan.Zero,
            StateDirectory = " ",
            DynamicPool = "workers",
            DynamicPoolCredential = leakedSecret,
            CommandTimeout = TimeSpan.FromSeconds(-1),
            InitialRetryDelay = TimeSpan.FromSeconds(10),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
            RetryJitter = 1,
            RequestTimeout = TimeSpan.Zero,
            MaxOutputTailChars = 20_000,
            CommandEnvironment = { "CLOUDCONFIG_BOOT", "A=B" },
        };

        var result = new ConfigAgentOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "BootString is not a valid boot string (Invalid boot string structure: expected uuid:address:secret.)",
                "MetadataServiceUrl must be an absolute http or https URL.",
                "MetadataTimeout must be greater than zero (was 00:00:00).",
                "StateDirectory is required.",
                "The dynamic flow needs DynamicRendezvousAddress, DynamicPool and DynamicPoolCredential together.",
                "CommandEnvironment must not pass CLOUDCONFIG_BOOT: it holds the agent's credential.",
                "CommandEnvironment holds a name that is not a variable name.",
                "CommandTimeout must be greater than zero (was -00:00:01).",
                "MaxRetryDelay (00:00:05) must not be less than InitialRetryDelay (00:00:10).",
                "RetryJitter must be at least 0 and less than 1 (was 1).",
                "RequestTimeout must be greater than zero (was 00:00:00).",
                "MaxOutputTailChars must be between 1 and Limits.MaxStatusDetailLength (16384) (was 20000).",
            ],
            result.Failures);
        Assert.DoesNotContain(leakedSecret, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AgentConstructor_InvalidOptions_ThrowsOneExceptionListingEveryProblem()
    {
        var options = new ConfigAgentOptions { UpdatePollTimeout = TimeSpan.Zero, Limits = new ConfigCacheLimits { MaxStatusDetailLength = 0 } };

        var error = Assert.Throws<OptionsValidationException>(() => new ConfigAgent(
            Options.Create(options), new TestConnector(new Cache.InMemory.InMemoryConfigCache()), new FileConfigurationApplier("x"), []));

        Assert.Equal(
            [
                "UpdatePollTimeout must be greater than zero (was 00:00:00).",
                "MaxStatusDetailLength must be greater than zero (was 0).",
                "MaxOutputTailChars must be between 1 and Limits.MaxStatusDetailLength (0) (was 4096).",
            ],
            error.Failures);
    }
}
