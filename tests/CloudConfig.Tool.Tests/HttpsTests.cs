using CloudConfig.Core;
using CloudConfig.EndToEnd.Tests;

namespace CloudConfig.Tool.Tests;

public sealed class HttpsTests
{
    [Fact]
    public async Task OverHttps_PinnedToTheServersCertificate_TheCommandsWork()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var server = await ToolTestServer.StartAsync(certificate: certificate);
        var (uuid, _) = await server.RegisterAsync();
        var pin = CertificateFingerprint.Of(certificate).ToString();

        var list = await ToolRun.RunAsync(server.Environment, "--server-fingerprint", pin, "entries", "list");
        var register = await ToolRun.RunAsync(new Dictionary<string, string>(server.Environment) { ["CLOUDCONFIG_SERVER_FINGERPRINT"] = pin },
            "register", "/dev/null", "--rendezvous-address", server.RendezvousAddress, "--fingerprint", pin);

        Assert.Equal("https", server.BaseAddress.Scheme);
        Assert.Equal(ExitCodes.Success, list.ExitCode);
        Assert.StartsWith($"{uuid}\tregistered", list.OutLines[1], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, register.ExitCode);
        Assert.Equal(pin, BootString.Parse(register.Out.Trim()).Fingerprint!.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OverHttps_AnotherPinOrNoPinForASelfSignedCertificate_ExitsUnavailableNamingTheCertificate(bool pinAnother)
    {
        using var certificate = SelfSignedCertificate.Create();
        using var other = SelfSignedCertificate.Create();
        await using var server = await ToolTestServer.StartAsync(certificate: certificate);
        string[] args = pinAnother
            ? ["--server-fingerprint", CertificateFingerprint.Of(other).ToString(), "entries", "list"]
            : ["entries", "list"];

        var run = await ToolRun.RunAsync(server.Environment, args);

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal($"cloudconfig: the server {server.BaseAddress} presented a certificate that was refused (not the pinned one, or not valid).", run.Error.TrimEnd());
    }
}
