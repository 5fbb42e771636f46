using System.Buffers.Text;
using System.Security.Cryptography;

namespace CloudConfig.Core;

/// <summary>
/// A credential in plain text: a boot secret, a trust key or a dynamic pool's credential.
/// </summary>
/// <remarks>
/// The value is deliberately hidden from <see cref="ToString"/> so that a secret passed to a logger,
/// an exception message or string interpolation never shows. Call <see cref="Reveal"/> only where the
/// plain value must leave the process (a boot string, an <c>Authorization</c> header).
/// </remarks>
public sealed class Secret
{
    /// <summary>The number of random bytes in a generated secret (256 bits).</summary>
    public const int GeneratedByteCount = 32;

    /// <summary>The fewest characters a secret may have: 22 base64url characters carry 128 bits.</summary>
    public const int MinimumLength = 22;

    private readonly string _value;

    private Secret(string value) => _value = value;

    /// <summary>Creates a fresh secret of 256 bits from the operating system's CSPRNG, as base64url text.</summary>
    public static Secret Generate()
    {
        Span<byte> bytes = stackalloc byte[GeneratedByteCount];
        RandomNumberGenerator.Fill(bytes);
        return new Secret(Base64Url.EncodeToString(bytes));
    }

    /// <summary>Wraps a secret received from elsewhere (a boot string, a header).</summary>
    /// <exception cref="InvalidConfigInputException">The value is empty or has white space or control characters.</exception>
    public static Secret FromString(string value, string fieldName = "secret")
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidConfigInputException(fieldName, "must not be empty.");
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new InvalidConfigInputException(fieldName, "must not contain white space or control characters.");
            }
        }

        return new Secret(value);
    }

    /// <summary>Whether the secret is base64url text long enough to carry 128 bits, as every generated secret is.</summary>
    public bool IsStrong => _value.Length >= MinimumLength && Base64UrlText.IsValid(_value);

    /// <summary>The plain value. Only for the places where the secret must leave the process.</summary>
    public string Reveal() => _value;

    /// <summary>Computes the hash under which a cache stores this secret.</summary>
    public SecretHash Hash() => SecretHash.Of(this);

    /// <summary>Never the secret: a fixed placeholder, so accidental formatting leaks nothing.</summary>
    public override string ToString() => "[secret]";
}
