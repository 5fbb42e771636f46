using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CloudConfig.Core;

/// <summary>
/// The SHA-256 hash of a <see cref="Secret"/>: the only form in which a cache stores or forwards a credential.
/// </summary>
/// <remarks>
/// A plain hash (no salt, no slow KDF) is enough here because every secret we issue carries at least
/// 128 random bits: nobody can enumerate that space, so stretching would only slow the boot storm down.
/// Comparisons go through <see cref="CryptographicOperations.FixedTimeEquals"/>.
/// </remarks>
public sealed class SecretHash : IEquatable<SecretHash>
{
    /// <summary>The length of the text form written by <see cref="ToString"/> and <see cref="TryFormat"/>.</summary>
    public const int TextLength = 50;

    private const string Prefix = "sha256:";
    private const int HashBytes = 32;
    private readonly byte[] _bytes;

    private SecretHash(byte[] bytes) => _bytes = bytes;

    /// <summary>Hashes a secret.</summary>
    public static SecretHash Of(Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var text = secret.Reveal();
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var written = Encoding.UTF8.GetBytes(text, buffer);
        var hash = SHA256.HashData(buffer[..written]);
        CryptographicOperations.ZeroMemory(buffer[..written]);
        return new SecretHash(hash);
    }

    /// <summary>Reads the text form written by <see cref="ToString"/> (<c>sha256:</c> and 43 base64url characters).</summary>
    /// <exception cref="InvalidConfigInputException">The text is not a secret hash.</exception>
    public static SecretHash Parse(string text, string fieldName = "secretHash")
    {
        if (!TryParse(text, out var hash))
        {
            throw new InvalidConfigInputException(fieldName, "must be 'sha256:' followed by 43 base64url characters.");
        }

        return hash;
    }

    /// <summary>Tries to read the text form written by <see cref="ToString"/>.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SecretHash? hash)
    {
        hash = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length != Prefix.Length + 43)
        {
            return false;
        }

        var encoded = text.AsSpan(Prefix.Length);
        if (!Base64UrlText.IsValid(encoded))
        {
            return false;
        }

        var bytes = new byte[HashBytes];
        if (!Base64Url.TryDecodeFromChars(encoded, bytes, out var written) || written != HashBytes)
        {
            return false;
        }

        hash = new SecretHash(bytes);
        return true;
    }

    /// <summary>Whether <paramref name="secret"/> hashes to this value, compared in constant time.</summary>
    public bool Matches(Secret secret) => Equals(Of(secret));

    /// <summary>Constant-time equality of the two hashes.</summary>
    public bool Equals(SecretHash? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SecretHash);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    /// <summary>The storable text form: <c>sha256:</c> followed by the base64url hash.</summary>
    public override string ToString() => Prefix + Base64Url.EncodeToString(_bytes);

    /// <summary>
    /// Writes the text form of <see cref="ToString"/> as UTF-8 (<see cref="TextLength"/> bytes), for callers that
    /// build keys or messages from it without a string per call.
    /// </summary>
    /// <returns>Whether <paramref name="utf8Destination"/> had room; nothing is written when it had not.</returns>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten)
    {
        if (utf8Destination.Length < TextLength)
        {
            bytesWritten = 0;
            return false;
        }

        "sha256:"u8.CopyTo(utf8Destination);
        bytesWritten = Prefix.Length + Base64Url.EncodeToUtf8(_bytes, utf8Destination[Prefix.Length..]);
        return true;
    }
}
