using CloudConfig.Core;

namespace CloudConfig.Core.Tests;

public sealed class SecretTests
{
    [Fact]
    public void Generate_Gives256BitsOfBase64UrlTextAndNeverTheSameTwice()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => Secret.Generate().Reveal()).ToList();

        Assert.All(secrets, s => Assert.Equal(43, s.Length));
        Assert.All(secrets, s => Assert.Matches("^[A-Za-z0-9_-]+$", s));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
        Assert.True(Secret.Generate().IsStrong);
    }

    [Fact]
    public void ToString_NeverShowsTheValue()
    {
        var secret = Secret.Generate();

        Assert.Equal("[secret]", secret.ToString());
        Assert.DoesNotContain(secret.Reveal(), $"{secret} {InstanceCredential.FirstContact(secret, secret)}", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    public void FromString_EmptyOrWithWhiteSpace_ThrowsInvalidInput(string value)
    {
        var error = Assert.Throws<InvalidConfigInputException>(() => Secret.FromString(value, "trustKey"));

        Assert.Equal("trustKey", error.Field);
    }

    [Fact]
    public void Hash_MatchesOnlyTheSameSecretAndRoundTripsAsText()
    {
        var secret = Secret.Generate();
        var hash = secret.Hash();

        Assert.True(hash.Matches(secret));
        Assert.False(hash.Matches(Secret.Generate()));
        Assert.Equal(hash, SecretHash.Parse(hash.ToString()));
        Assert.StartsWith("sha256:", hash.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Reveal(), hash.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HashTryFormat_WritesTheTextFormAsUtf8OrNothingWhenShort()
    {
        var hash = Secret.Generate().Hash();
        var room = new byte[SecretHash.TextLength + 4];
        var tooShort = new byte[SecretHash.TextLength - 1];

        Assert.True(hash.TryFormat(room, out var written));
        Assert.Equal(SecretHash.TextLength, written);
        Assert.Equal(hash.ToString(), System.Text.Encoding.UTF8.GetString(room, 0, written));
        Assert.False(hash.TryFormat(tooShort, out var none));
        Assert.Equal(0, none);
        Assert.All(tooShort, b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256:")]
    [InlineData("md5:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    public void SecretHashParse_Malformed_ThrowsInvalidInput(string text)
    {
        Assert.Throws<InvalidConfigInputException>(() => SecretHash.Parse(text));
    }
}
