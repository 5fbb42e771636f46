using CloudConfig.Core;

namespace CloudConfig.Core.Tests;

public sealed class ConfigurationContentTests
{
    [Fact]
    public void FromText_StoresUtf8AndReadsBack()
    {
        var content = ConfigurationContent.FromText("été", "text/x-shellscript");

        Assert.Equal(5, content.Length);
        Assert.Equal("été", content.AsText());
        Assert.Equal("text/x-shellscript", content.ContentType);
    }

    [Fact]
    public void FromBytes_CopiesSoLaterChangesDoNotLeakIn()
    {
        var bytes = new byte[] { 1, 2, 3 };
        var content = ConfigurationContent.FromBytes(bytes);
        bytes[0] = 9;

        Assert.Equal(new byte[] { 1, 2, 3 }, content.Bytes.ToArray());
    }

    [Fact]
    public void UnsafeTakeOwnership_OfPartOfABuffer_IsThatPartAlone()
    {
        var reply = "3\nabcecho hi"u8.ToArray();
        var content = ConfigurationContent.UnsafeTakeOwnership(reply.AsMemory(5), "text/x-shellscript");

        Assert.Equal(7, content.Length);
        Assert.Equal("echo hi", content.AsText());
        Assert.Equal(ConfigurationContent.FromText("echo hi", "text/x-shellscript"), content);
        Assert.Equal(ConfigurationContent.FromText("echo hi", "text/x-shellscript").GetHashCode(), content.GetHashCode());
    }

    [Fact]
    public void UnsafeTakeOwnership_WithoutAContentType_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ConfigurationContent.UnsafeTakeOwnership(new byte[1], " "));
    }

    [Fact]
    public void Equality_ComparesBytesAndType()
    {
        Assert.Equal(ConfigurationContent.FromText("a"), ConfigurationContent.FromText("a"));
        Assert.NotEqual(ConfigurationContent.FromText("a"), ConfigurationContent.FromText("a", "text/other"));
        Assert.NotEqual(ConfigurationContent.FromText("a"), ConfigurationContent.FromText("b"));
    }

    [Fact]
    public void ToString_ShowsTypeAndSizeNotContent()
    {
        Assert.Equal("text/plain; charset=utf-8 (6 bytes)", ConfigurationContent.FromText("secret").ToString());
    }
}
