using CloudConfig.Core;

namespace CloudConfig.Agent.Tests.Flow;

public sealed class RendezvousEndpointTests
{
    private static readonly CertificateFingerprint Fingerprint = CertificateFingerprint.Parse(new string('a', 64));

    [Theory]
    [InlineData(false, false, "https")]
    [InlineData(true, false, "http")]
    [InlineData(false, true, "https")]
    [InlineData(true, true, "https")]
    public void For_SchemeIsHttpsUnlessInsecureIsAllowedAndNothingIsPinned(bool allowInsecure, bool pinned, string scheme)
    {
        var endpoint = RendezvousEndpoint.For(RendezvousAddress.Parse("[::1]:8443"), pinned ? Fingerprint : null, allowInsecure);

        Assert.Equal(scheme, endpoint.Scheme);
        Assert.Equal(new Uri($"{scheme}://[::1]:8443/"), endpoint.BaseUri);
    }

    [Fact]
    public void Constructor_HttpWithAFingerprint_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new RendezvousEndpoint(RendezvousAddress.Parse("host"), Fingerprint, "http"));

    [Fact]
    public async Task Run_BootStringWithFingerprint_ConnectsOverHttpsWithThePinEvenWhenInsecureIsAllowed()
    {
        using var harness = new AgentHarness();
        var (uuid, secret, _) = await harness.RegisterAsync("x");
        var bootString = BootString.Create(uuid, RendezvousAddress.Parse(AgentHarness.Primary), secret, Fingerprint).Format();

        await harness.Agent(harness.Options(bootString, o => o.AllowInsecureTransport = true)).RunAsync();

        var endpoint = Assert.Single(harness.Connector.Connected);
        Assert.Equal("https", endpoint.Scheme);
        Assert.Equal(Fingerprint, endpoint.Fingerprint);
    }
}
