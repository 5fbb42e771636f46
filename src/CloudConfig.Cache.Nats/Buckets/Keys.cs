using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// Every key the cache writes. Key names allow only <c>[-/_=.a-zA-Z0-9]</c>, so names chosen by users (pool names)
/// appear as the base64url SHA-256 of their UTF-8 text, and trust keys as their hash's base64url part.
/// </summary>
internal static class Keys
{
    private const string HashPrefix = "sha256:";

    /// <summary>All registrations (entries bucket) or all instance records (instances bucket).</summary>
    public const string AllEntries = "e.>";

    /// <summary>An entry's registration (entries bucket) or its instance record (instances bucket).</summary>
    public static string Entry(Guid uuid) => "e." + uuid.ToString("N");

    /// <summary>The uuid named by an <see cref="Entry"/> key, or null for another key.</summary>
    public static Guid? UuidOf(string key) =>
        key.StartsWith("e.", StringComparison.Ordinal) && Guid.TryParseExact(key.AsSpan(2), "N", out var uuid) ? uuid : null;

    /// <summary>The key token of a pool name.</summary>
    public static string PoolToken(string pool) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(pool)));

    /// <summary>The key token of a trust key's hash.</summary>
    public static string TrustKeyToken(SecretHash trustKeyHash) => trustKeyHash.ToString()[HashPrefix.Length..];

    /// <summary>A pool's name and credential (pools bucket).</summary>
    public static string Pool(string poolToken) => "p." + poolToken;

    /// <summary>A place in a pool's queue (pools bucket).</summary>
    public static string Slot(string poolToken, long slot) => $"s.{poolToken}.{slot.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The hint of a pool's next free slot (pools bucket).</summary>
    public static string Tail(string poolToken) => "t." + poolToken;

    /// <summary>The next slot of a pool to hand out (instances bucket).</summary>
    public static string Head(string poolToken) => "h." + poolToken;

    /// <summary>The entry a trust key claimed from a pool (instances bucket).</summary>
    public static string Claim(string poolToken, SecretHash trustKeyHash) => $"c.{poolToken}.{TrustKeyToken(trustKeyHash)}";
}
