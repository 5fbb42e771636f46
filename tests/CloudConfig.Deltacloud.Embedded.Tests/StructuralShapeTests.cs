namespace CloudConfig.Deltacloud.Embedded.Tests;

public sealed class StructuralShapeTests
{
    [Fact]
    public void OfXml_SameNamesDifferentValues_AreEqual()
    {
        var a = StructuralShape.OfXml("<realm href='http://a/1' id='us'><name>United States</name></realm>");
        var b = StructuralShape.OfXml("<realm id='eu' href=\"http://b:9/2\"><name>Europe</name></realm>");

        Assert.True(a.SetEquals(b));
    }

    [Theory]
    [InlineData("<realm href='x' id='us'><title>United States</title></realm>")]
    [InlineData("<realm href='x'><name>United States</name></realm>")]
    [InlineData("<realm href='x' id='us'><name>United States</name><state/></realm>")]
    [InlineData("<realm href='x' id='us'><info><name>United States</name></info></realm>")]
    public void OfXml_RenamedMissingExtraOrMovedElement_Differs(string other)
    {
        var expected = StructuralShape.OfXml("<realm href='x' id='us'><name>United States</name></realm>");

        Assert.False(expected.SetEquals(StructuralShape.OfXml(other)));
    }

    [Theory]
    [InlineData("{\"realm\":{\"id\":\"us\",\"limit\":5}}")]
    [InlineData("{\"realm\":{\"id\":\"us\"}}")]
    [InlineData("{\"realm\":[{\"id\":\"us\",\"limit\":\"unlimited\"}]}")]
    [InlineData("{\"id\":\"us\",\"limit\":\"unlimited\"}")]
    public void OfJson_DifferentTypeMissingPropertyOrWrapping_Differs(string other)
    {
        var expected = StructuralShape.OfJson("{\"realm\":{\"id\":\"us\",\"limit\":\"unlimited\"}}");

        Assert.False(expected.SetEquals(StructuralShape.OfJson(other)));
    }

    [Fact]
    public void OfJson_ArraysOfDifferentLengthWithSameItemShape_AreEqual()
    {
        var a = StructuralShape.OfJson("{\"features\":[[{\"name\":\"a\"}],[{\"name\":\"b\"}]]}");
        var b = StructuralShape.OfJson("{\"features\":[[{\"name\":\"c\"}]]}");

        Assert.True(a.SetEquals(b));
    }
}
