using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CloudConfig.Core;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// A self-signed server certificate for one cloud site, made at run time for the addresses given, written where the
/// site's processes read it: PEM files for the hub's leaf listener (the on-premises side trusts exactly this
/// certificate as its CA), a PKCS#12 file for the rendezvous server (whose fingerprint the boot strings pin).
/// </summary>
internal sealed class SiteCertificate
{
    private SiteCertificate(string directory, CertificateFingerprint fingerprint)
    {
        CertificateFile = Path.Combine(directory, "site.pem");
        KeyFile = Path.Combine(directory, "site-key.pem");
        Pkcs12File = Path.Combine(directory, "site.p12");
        Fingerprint = fingerprint;
    }

    public string CertificateFile { get; }

    public string KeyFile { get; }

    public string Pkcs12File { get; }

    public CertificateFingerprint Fingerprint { get; }

    public static async Task<SiteCertificate> CreateAsync(string directory, string name, params IPAddress[] addresses)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        var site = new SiteCertificate(directory, CertificateFingerprint.Of(certificate));
        await File.WriteAllTextAsync(site.CertificateFile, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(site.KeyFile, key.ExportPkcs8PrivateKeyPem());
        await File.WriteAllBytesAsync(site.Pkcs12File, certificate.Export(X509ContentType.Pfx));
        return site;
    }
}
