using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CloudConfig.Core;

/// <summary>
/// The SHA-256 fingerprint of a rendezvous server's certificate (of its DER bytes), which a boot string may carry
/// so the agent can pin the server instead of trusting whatever a network on the way presents.
/// </summary>
public sealed class CertificateFingerprint : IEquatable<CertificateFingerprint>
{
    private const int HashBytes = 32;
    private readonly byte[] _hash;

    private CertificateFingerprint(byte[] hash) => _hash = hash;

    /// <summary>The fingerprint of a certificate.</summary>
    public static CertificateFingerprint Of(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new CertificateFingerprint(SHA256.HashData(certificate.GetRawCertData()));
    }

    /// <summary>Reads 64 lowercase hexadecimal digits.</summary>
    /// <exception cref="FormatException">The text is not 64 lowercase hexadecimal digits.</exception>
    public static CertificateFingerprint Parse(string text) =>
        TryParse(text, out var fingerprint)
            ? fingerprint
            : throw new BootStringFormatException("fingerprint", "must be 64 lowercase hexadecimal digits (a SHA-256 hash).");

    /// <summary>Tries to read 64 lowercase hexadecimal digits.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CertificateFingerprint? fingerprint)
    {
        fingerprint = null;
        if (text is null || text.Length != HashBytes * 2)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        fingerprint = new CertificateFingerprint(Convert.FromHexString(text));
        return true;
    }

    /// <summary>Whether <paramref name="certificate"/> has this fingerprint.</summary>
    public bool Matches(X509Certificate certificate) => Equals(Of(certificate));

    /// <inheritdoc />
    public bool Equals(CertificateFingerprint? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(_hash, other._hash);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CertificateFingerprint);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_hash, 0);

    /// <summary>64 lowercase hexadecimal digits.</summary>
    public override string ToString() => Convert.ToHexStringLower(_hash);
}
