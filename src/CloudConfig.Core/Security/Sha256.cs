using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace CloudConfig.Core;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, for <see cref="SecretHash.Of"/>: the same digest as
/// <see cref="SHA256.HashData(ReadOnlySpan{byte})"/> (tests compare the two on every length up to several blocks
/// and on the standard's vectors), without the platform call around it.
/// </summary>
/// <remarks>
/// A trusted fetch hashes its trust key on every call, and on Linux the platform's one-shot SHA-256 is an OpenSSL
/// call whose wrapping (its error queue cleared, a digest context allocated, fetched and freed) cost about twice the
/// hashing itself: the profile of a Redis fetch showed OpenSSL above the cache's own code. Nothing here depends on
/// the data but its length (no data-dependent branch or table look-up), and the message schedule and the last
/// block are cleared before returning, as the caller clears the secret's bytes.
/// </remarks>
internal static class Sha256
{
    /// <summary>The digest's length in bytes.</summary>
    public const int HashSizeInBytes = 32;

    private const int BlockSize = 64;

    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>Hashes <paramref name="source"/> into a new array of <see cref="HashSizeInBytes"/> bytes.</summary>
    public static byte[] HashData(ReadOnlySpan<byte> source)
    {
        Span<uint> state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        Span<uint> schedule = stackalloc uint[64];
        Span<byte> tail = stackalloc byte[2 * BlockSize];
        var fullBlocks = source.Length / BlockSize;
        for (var b = 0; b < fullBlocks; b++)
        {
            Compress(state, schedule, source.Slice(b * BlockSize, BlockSize));
        }

        // The padding: a 1 bit, zeros, then the message's length in bits, in one block or two.
        var rest = source[(fullBlocks * BlockSize)..];
        tail.Clear();
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailBlocks = rest.Length + 1 + sizeof(ulong) <= BlockSize ? 1 : 2;
        BinaryPrimitives.WriteUInt64BigEndian(tail[((tailBlocks * BlockSize) - sizeof(ulong))..], (ulong)source.Length * 8);
        for (var b = 0; b < tailBlocks; b++)
        {
            Compress(state, schedule, tail.Slice(b * BlockSize, BlockSize));
        }

        var hash = new byte[HashSizeInBytes];
        for (var i = 0; i < state.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(hash.AsSpan(i * sizeof(uint)), state[i]);
        }

        CryptographicOperations.ZeroMemory(tail);
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(schedule));
        return hash;
    }

    private static void Compress(Span<uint> state, Span<uint> w, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * sizeof(uint))..]);
        }

        for (var i = 16; i < 64; i++)
        {
            uint early = w[i - 15], late = w[i - 2];
            var sigma0 = BitOperations.RotateRight(early, 7) ^ BitOperations.RotateRight(early, 18) ^ (early >> 3);
            var sigma1 = BitOperations.RotateRight(late, 17) ^ BitOperations.RotateRight(late, 19) ^ (late >> 10);
            w[i] = w[i - 16] + sigma0 + w[i - 7] + sigma1;
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        var k = RoundConstants;
        for (var i = 0; i < 64; i++)
        {
            var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choice = (e & f) ^ (~e & g);
            var t1 = h + sum1 + choice + k[i] + w[i];
            var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + sum0 + majority;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
