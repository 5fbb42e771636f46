using CloudConfig.Core;

namespace CloudConfig.Core.Tests;

public sealed class RendezvousAddressTests
{
    [Theory]
    [InlineData("rendezvous.example", "rendezvous.example", null, "rendezvous.example")]
    [InlineData("10.0.0.1:8443", "10.0.0.1", 8443, "10.0.0.1:8443")]
    [InlineData("[2001:db8::1]:8443", "2001:db8::1", 8443, "[2001:db8::1]:8443")]
    [InlineData("[::1]", "::1", null, "[::1]")]
    [InlineData("http://127.0.0.1:35019/", "127.0.0.1", 35019, "127.0.0.1:35019")]
    [InlineData("http://127.0.0.1:35019", "127.0.0.1", 35019, "127.0.0.1:35019")]
    [InlineData("https://[::1]:8443", "::1", 8443, "[::1]:8443")]
    [InlineData("HTTPS://Rendezvous.Example/", "rendezvous.example", 443, "rendezvous.example:443")]
    [InlineData("http://rendezvous.example", "rendezvous.example", 80, "rendezvous.example:80")]
    public void Parse_EveryAcceptedForm_KeepsHostAndPort(string text, string host, int? port, string written)
    {
        var address = RendezvousAddress.Parse(text);

        Assert.Equal((host, port, written), (address.Host, address.Port, address.ToString()));
        Assert.True(RendezvousAddress.TryParse(text, out var again));
        Assert.Equal(address, again);
    }

    [Theory]
    [InlineData("ftp://x", "only http and https URLs name a rendezvous server (was 'ftp').")]
    [InlineData("http://user:pw@host:80/", "a URL with user information is not accepted (credentials never travel in an address).")]
    [InlineData("http://host:8443/api", "the rendezvous routes sit at the server's root, so the path, query or fragment in '/api' would be lost.")]
    [InlineData("http://host:8443/?a=1", "the rendezvous routes sit at the server's root, so the path, query or fragment in '/?a=1' would be lost.")]
    [InlineData("http://:80/", "it is not a well-formed URL.")]
    [InlineData("2001:db8::1", "IPv6 addresses must be written in brackets, as [2001:db8::1].")]
    [InlineData("host:0", "the port must be a number from 1 to 65535 without leading zeros.")]
    [InlineData("bad host", "the host must be a DNS name, an IPv4 address or a bracketed IPv6 address.")]
    [InlineData("", "it is empty.")]
    public void Parse_WrongText_IsNamedAsNotARendezvousAddress(string text, string problem)
    {
        var error = Assert.Throws<RendezvousAddressFormatException>(() => RendezvousAddress.Parse(text));

        Assert.Equal($"'{text}' is not a rendezvous address: {problem} Write host:port, [IPv6]:port or a URL such as http://host:port/.", error.Message);
        Assert.Equal(problem, error.Problem);
        Assert.Equal("address", error.Part);
        Assert.False(RendezvousAddress.TryParse(text, out _));
    }

    [Fact]
    public void Parse_VeryLongText_QuotesOnlyItsStart()
    {
        var text = "ftp://" + new string('x', 5000);

        var error = Assert.Throws<RendezvousAddressFormatException>(() => RendezvousAddress.Parse(text));

        Assert.StartsWith("'ftp://xxx", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 400, error.Message);
    }

    [Fact]
    public void BootString_UrlAsItsAddress_IsRefusedWithoutQuotingTheText()
    {
        var text = $"{Guid.NewGuid()}:http://10.0.0.1:8443:SECRETSECRETSECRETSECRET";

        var error = Assert.Throws<BootStringFormatException>(() => BootString.Parse(text));

        Assert.IsNotType<RendezvousAddressFormatException>(error);
        Assert.Equal("address", error.Part);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BootString_CreatedFromAUrlAddress_CarriesItsHostAndPort()
    {
        var address = RendezvousAddress.Parse("https://[2001:db8::5]:8443/");

        var boot = BootString.Create(Guid.NewGuid(), address, Secret.Generate()).Format();

        Assert.Equal(address, BootString.Parse(boot).Address);
        Assert.Contains(":[2001:db8::5]:8443:", boot, StringComparison.Ordinal);
    }
}
