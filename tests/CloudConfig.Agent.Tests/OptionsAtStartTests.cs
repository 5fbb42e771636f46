using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent.Tests;

/// <summary>Bad agent options stop the host from starting, with every problem in one message.</summary>
public sealed class OptionsAtStartTests
{
    [Fact]
    public async Task AddConfigAgent_InvalidOptions_FailAtStartListingEveryProblem()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddConfigAgent(o =>
        {
            o.RetryJitter = -1;
            o.DynamicRendezvousAddress = "ftp://rendezvous.example";
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(ConfigAgentOptions), error.OptionsType);
        Assert.Contains("RetryJitter must be at least 0 and less than 1 (was -1).", error.Failures);
        Assert.Contains("The dynamic flow needs DynamicRendezvousAddress, DynamicPool and DynamicPoolCredential together.", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("DynamicRendezvousAddress is not valid: 'ftp://rendezvous.example' is not a rendezvous address", StringComparison.Ordinal));
    }
}
