using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CloudConfig.Core;

namespace CloudConfig.Tool.Tests;

public sealed class HttpsTests
{
    [Fact]
    public async Task OverHttps_PinnedToTheServersCertificate_TheCommandsWork()
    {
        using var certificate = CreateSelfSigned();
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
        using var certificate = CreateSelfSigned();
        using var other = CreateSelfSigned();
        await using var server = await ToolTestServer.StartAsync(certificate: certificate);
        string[] args = pinAnother
            ? ["--server-fingerprint", CertificateFingerprint.Of(other).ToString(), "entries", "list"]
            : ["entries", "list"];

        var run = await ToolRun.RunAsync(server.Environment, args);

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal($"cloudconfig: the server {server.BaseAddress} presented a certificate that was refused (not the pinned one, or not valid).", run.Error.TrimEnd());
    }

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=rendezvous.test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var ephemeral = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Re-imported so the private key is usable by the TLS stack.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }
}
