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
