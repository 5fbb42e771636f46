using System.Net;

namespace CloudConfig.Agent.Tests.Flow;

public sealed class InstanceAddressDetectorTests
{
    [Fact]
    public void Detect_ReturnsNothingOrAnAddressOfThisHostThatIsNotLoopback()
    {
        var detected = InstanceAddressDetector.Detect();

        // A sandbox may have no interface up besides loopback; then nothing is reported rather than 127.0.0.1.
        if (detected is not null)
        {
            var address = IPAddress.Parse(detected);
            Assert.False(IPAddress.IsLoopback(address));
            Assert.False(address.IsIPv6LinkLocal);
            Assert.Contains(
                System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses),
                u => u.Address.Equals(address));
        }
    }

    [Fact]
    public async Task Run_NoConfiguredAddress_ReportsTheDetectedOne()
    {
        using var harness = new AgentHarness();
        var (uuid, _, bootString) = await harness.RegisterAsync("x");

        await harness.Agent(harness.Options(bootString, o => o.Address = null)).RunAsync();

        Assert.Equal(InstanceAddressDetector.Detect(), (await harness.Cache.GetAsync(uuid))!.Address);
    }
}
