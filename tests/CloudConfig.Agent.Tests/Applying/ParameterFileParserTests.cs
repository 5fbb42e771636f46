using CloudConfig.Core;

namespace CloudConfig.Agent.Tests.Applying;

public sealed class ParameterFileParserTests
{
    [Theory]
    [InlineData("8080", ParameterKind.Integer)]
    [InlineData("-42", ParameterKind.Integer)]
    [InlineData("0", ParameterKind.Integer)]
    [InlineData("9223372036854775807", ParameterKind.Integer)]
    [InlineData("9223372036854775808", ParameterKind.String)]
    [InlineData("007", ParameterKind.String)]
    [InlineData("+1", ParameterKind.String)]
    [InlineData("-0", ParameterKind.String)]
    [InlineData(" 1", ParameterKind.String)]
    [InlineData("1.10", ParameterKind.String)]
    [InlineData("true", ParameterKind.Boolean)]
    [InlineData("false", ParameterKind.Boolean)]
    [InlineData("True", ParameterKind.String)]
    [InlineData("yes", ParameterKind.String)]
    [InlineData("", ParameterKind.String)]
    public void ToValue_Text_GetsThePredictableKind(string text, ParameterKind kind)
    {
        var value = ParameterFileParser.ToValue(text);

        Assert.Equal(kind, value.Kind);
        Assert.Equal(text, value.ToString());
    }

    [Fact]
    public void Parse_MixedLines_KeepsWellFormedPairsAndCountsTheRest()
    {
        const string text = "# header\n\nhost = db.internal\r\nurl=http://x/?a=b\nnovalue\n=orphan\nport=1\nport=2\n   # indented comment\nempty=\n";

        var parameters = ParameterFileParser.Parse(text, new ConfigCacheLimits(), out var dropped);

        Assert.Equal(ParameterValue.FromString(" db.internal"), parameters["host"]);
        Assert.Equal(ParameterValue.FromString("http://x/?a=b"), parameters["url"]);
        Assert.Equal(ParameterValue.FromInteger(2), parameters["port"]);
        Assert.Equal(ParameterValue.FromString(""), parameters["empty"]);
        Assert.Equal(4, parameters.Count);
        Assert.Equal(2, dropped);
    }

    [Fact]
    public void Parse_OverTheLimits_DropsWhatTheCacheWouldRefuse()
    {
        var limits = new ConfigCacheLimits { MaxParameters = 2, MaxParameterKeyLength = 5, MaxParameterValueLength = 3 };

        var parameters = ParameterFileParser.Parse("a=1\nlongkey=1\nb=toolong\nc=3\nd=4\na=5\n", limits, out var dropped);

        Assert.Equal(["a", "c"], parameters.Keys.Order());
        Assert.Equal(ParameterValue.FromInteger(5), parameters["a"]);
        Assert.Equal(3, dropped);
    }
}
