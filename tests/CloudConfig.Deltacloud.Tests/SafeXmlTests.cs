using System.Xml;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>
/// Short answers are read from their UTF-8 bytes, longer ones and unusual ones as text: either way the reader sees the
/// same characters and refuses the same documents.
/// </summary>
public sealed class SafeXmlTests
{
    private const string Name = "café-ü-日本-🚀";

    [Theory]
    [InlineData("<?xml version='1.0' encoding='utf-8' ?>")]
    [InlineData("<?xml version=\"1.0\" encoding = \"UTF-8\"?>")]
    [InlineData("<?xml version='1.0'?>")]
    [InlineData("")]
    [InlineData("<?xml version='1.0' encoding='ISO-8859-1' ?>")]
    [InlineData("<?xml version='1.0' encoding='utf-16' ?>")]
    [InlineData("\n")]
    public void ParseInstances_ShortOrLongAnswer_ReadsTheTextItWasGivenWhateverItsDeclarationSays(string declaration)
    {
        foreach (var padding in new[] { 0, 5000 })
        {
            var xml = $"{declaration}<instance id='inst9'><name>{Name}</name><state>RUNNING</state><!--{new string('x', padding)}--></instance>";

            var instance = Assert.Single(XmlDeltacloudParser.Instance.ParseInstances(xml));

            Assert.Equal((Name, "RUNNING"), (instance.Name, instance.State.Name));
        }
    }

    [Fact]
    public void Parse_ShortAnswerWithAnUnpairedSurrogate_IsRefusedAsBefore()
    {
        var xml = "<?xml version='1.0' encoding='utf-8' ?><instance id='inst9'><name>a\uD800b</name></instance>";

        Assert.Throws<XmlException>(() => XmlDeltacloudParser.Instance.ParseInstances(xml));
    }

    [Fact]
    public void Parse_ShortAnswerWithADoctype_IsRefused()
    {
        const string Xml = "<?xml version='1.0' encoding='utf-8'?><!DOCTYPE instance [<!ENTITY x 'y'>]><instance id='&x;'/>";

        var error = Assert.Throws<XmlException>(() => SafeXml.Parse(Xml));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyShortAnswersInTurn_EachReadsItsOwnText()
    {
        // The short path lends its bytes from a pool and takes them back when the reader closes.
        for (var i = 0; i < 200; i++)
        {
            var root = SafeXml.Parse($"<?xml version='1.0'?><realm id='r{i}'><name>{new string('n', i)}</name></realm>").Root!;

            Assert.Equal(($"r{i}", new string('n', i)), (root.Attribute("id")!.Value, root.Element("name")!.Value));
        }
    }
}
