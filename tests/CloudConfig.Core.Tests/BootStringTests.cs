using CloudConfig.Core;

namespace CloudConfig.Core.Tests;

public sealed class BootStringTests
{
    private const string Uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static readonly string StrongSecret = Secret.Generate().Reveal();

    [Fact]
    public void Parse_TheSeedsPlainForm_ReadsUuidIpAndSecret()
    {
        var boot = BootString.Parse($"{Uuid}:10.0.0.1:s3cr3t");

        Assert.Equal(0, boot.Version);
        Assert.Equal(Guid.Parse(Uuid), boot.Uuid);
        Assert.Equal("10.0.0.1", boot.Address.Host);
        Assert.Null(boot.Address.Port);
        Assert.Equal("s3cr3t", boot.Secret.Reveal());
        Assert.Null(boot.Fingerprint);
    }

    [Theory]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:s3cr3t")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:8443:s3cr3t")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:[2001:db8::1]:s3cr3t")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:[2001:db8::1]:8443:s3cr3t")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:rendezvous.example.com:443:s3cr3t")]
    [InlineData("v1:0f8fad5b-d9cb-469f-a165-70867728950e:[::1]:9000:abcdefghijklmnopqrstuvwxyz-_0123")]
    [InlineData("v1:0f8fad5b-d9cb-469f-a165-70867728950e:host:1:abcdefghijklmnopqrstuv;fp=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    public void Format_OfAParsedBootString_GivesBackTheSameText(string text)
    {
        Assert.Equal(text, BootString.Parse(text).Format());
    }

    [Fact]
    public void Create_ThenParse_KeepsEveryPart()
    {
        var secret = Secret.Generate();
        var fingerprint = CertificateFingerprint.Parse(new string('a', 64));
        var created = BootString.Create(Guid.Parse(Uuid), new RendezvousAddress("2001:db8::5", 8443), secret, fingerprint);

        var parsed = BootString.Parse(created.Format());

        Assert.Equal(BootString.CurrentVersion, parsed.Version);
        Assert.Equal(Guid.Parse(Uuid), parsed.Uuid);
        Assert.Equal("2001:db8::5", parsed.Address.Host);
        Assert.True(parsed.Address.IsIPv6);
        Assert.Equal(8443, parsed.Address.Port);
        Assert.Equal(secret.Reveal(), parsed.Secret.Reveal());
        Assert.Equal(fingerprint, parsed.Fingerprint);
        Assert.StartsWith($"v1:{Uuid}:[2001:db8::5]:8443:", created.Format(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "structure")]
    [InlineData("just-some-text", "structure")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1", "structure")]
    [InlineData("not-a-uuid:10.0.0.1:SECRET", "uuid")]
    [InlineData("00000000-0000-0000-0000-000000000000:10.0.0.1:SECRET", "uuid")]
    [InlineData("0F8FAD5B-D9CB-469F-A165-70867728950E:10.0.0.1:SECRET", "uuid")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e::SECRET", "address")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:2001:db8::1:SECRET", "address")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:[2001:db8::1:SECRET", "address")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:[10.0.0.1]:SECRET", "address")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:0:SECRET", "address")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:65536:SECRET", "address")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:0443:SECRET", "address")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:bad host:SECRET", "address")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:", "secret")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:SEC RET", "secret")]
    [InlineData("v9:0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:SECRET", "version")]
    [InlineData("v1x:0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:SECRET", "version")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:SECRET;fp=00", "structure")]
    [InlineData("v1:0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:SECRET;fp=XYZ", "fingerprint")]
    [InlineData("v1:0f8fad5b-d9cb-469f-a165-70867728950e:10.0.0.1:SECRET;colour=blue", "structure")]
    public void Parse_MalformedText_NamesThePartAndNeverEchoesTheSecret(string text, string part)
    {
        var error = Assert.Throws<BootStringFormatException>(() => BootString.Parse(text));

        Assert.Equal(part, error.Part);
        Assert.IsAssignableFrom<FormatException>(error);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SEC RET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_MasksTheSecret()
    {
        var boot = BootString.Create(Guid.Parse(Uuid), RendezvousAddress.Parse("10.0.0.1:8443"), Secret.FromString(StrongSecret));

        Assert.DoesNotContain(StrongSecret, boot.ToString(), StringComparison.Ordinal);
        Assert.Equal($"v1:{Uuid}:10.0.0.1:8443:[secret]", boot.ToString());
    }

    [Fact]
    public void TryParse_MalformedText_ReturnsFalse()
    {
        Assert.False(BootString.TryParse("nonsense", out var boot));
        Assert.Null(boot);
        Assert.True(BootString.TryParse($"{Uuid}:h:s", out boot));
        Assert.Equal("h", boot.Address.Host);
    }
}
