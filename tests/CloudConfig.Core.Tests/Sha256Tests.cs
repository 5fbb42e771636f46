using System.Security.Cryptography;
using System.Text;

namespace CloudConfig.Core.Tests;

public sealed class Sha256Tests
{
    [Theory]
    // FIPS 180-4's examples (NIST's SHA-256 example values) and the empty message.
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void HashData_StandardVectors(string message, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexStringLower(Sha256.HashData(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void HashData_AMillionAs()
    {
        var message = Enumerable.Repeat((byte)'a', 1_000_000).ToArray();

        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Convert.ToHexStringLower(Sha256.HashData(message)));
    }

    [Fact]
    public void HashData_EveryLengthAcrossSeveralBlocks_MatchesThePlatform()
    {
        // Every padding case: a tail of 0 to 63 bytes, one or two final blocks, after 0 to 4 full blocks.
        var random = new Random(13);
        for (var length = 0; length <= 5 * 64; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);

            Assert.Equal(SHA256.HashData(message), Sha256.HashData(message));
        }
    }

    [Fact]
    public void SecretHash_OfASecret_IsThePlatformsSha256OfItsUtf8()
    {
        var secret = Secret.FromString("été-" + Secret.Generate().Reveal());

        var expected = "sha256:" + System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Reveal())));
        Assert.Equal(expected, secret.Hash().ToString());
    }
}
