using CloudConfig.Core;

namespace CloudConfig.Core.Tests;

public sealed class ParameterValueTests
{
    [Fact]
    public void Equality_RequiresTheSameKindAndValue()
    {
        Assert.Equal((ParameterValue)1L, (ParameterValue)1L);
        Assert.NotEqual((ParameterValue)1L, (ParameterValue)1.0);
        Assert.NotEqual((ParameterValue)"1", (ParameterValue)1L);
        Assert.NotEqual((ParameterValue)0.0, (ParameterValue)(-0.0));
        Assert.Equal((ParameterValue)true, ParameterValue.FromBoolean(true));
    }

    [Fact]
    public void Accessors_OfTheWrongKind_Throw()
    {
        ParameterValue text = "abc";

        Assert.Equal("abc", text.AsString());
        Assert.Throws<InvalidOperationException>(() => text.AsInteger());
        Assert.Throws<InvalidOperationException>(() => ((ParameterValue)true).AsNumber());
    }

    [Fact]
    public void IsValid_IsFalseOnlyForNonFiniteNumbers()
    {
        Assert.False(((ParameterValue)double.NaN).IsValid);
        Assert.False(((ParameterValue)double.PositiveInfinity).IsValid);
        Assert.True(((ParameterValue)double.MaxValue).IsValid);
        Assert.True(((ParameterValue)"x").IsValid);
    }

    [Fact]
    public void ToString_IsInvariantAndRoundTrips()
    {
        Assert.Equal("0.1", ((ParameterValue)0.1).ToString());
        Assert.Equal("-9223372036854775808", ((ParameterValue)long.MinValue).ToString());
        Assert.Equal("true", ((ParameterValue)true).ToString());
    }
}
