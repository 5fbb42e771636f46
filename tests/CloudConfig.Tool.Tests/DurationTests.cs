namespace CloudConfig.Tool.Tests;

public sealed class DurationTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("90s", 90_000)]
    [InlineData("15m", 900_000)]
    [InlineData("2h30m", 9_000_000)]
    [InlineData("1d12h", 129_600_000)]
    [InlineData(" 7d ", 604_800_000)]
    public void TryParse_OperatorForms_GiveTheDuration(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Duration.TryParse(text));

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("1w")]
    [InlineData("-5m")]
    [InlineData("1.5h")]
    [InlineData("h")]
    [InlineData("99999999999d")]
    [InlineData("01:00:00")]
    public void TryParse_AnythingElse_GivesNull(string text) => Assert.Null(Duration.TryParse(text));

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(90_000, "1m30s")]
    [InlineData(129_600_000, "1d12h")]
    public void Format_WritesTheShortForm(long milliseconds, string expected) =>
        Assert.Equal(expected, Duration.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
