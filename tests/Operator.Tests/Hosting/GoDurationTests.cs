using EcsOperator.Hosting;
using Xunit;

namespace EcsOperator.Tests.Hosting;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("15s", 15_000)]
    [InlineData("10m", 600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("2.5s", 2_500)]
    [InlineData("30", 30_000)]
    public void Parses_kubernetes_style_durations(string text, double expectedMilliseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(expectedMilliseconds, value.TotalMilliseconds);
    }

    [Theory]
    [InlineData(15_000, "15s")]
    [InlineData(600_000, "10m")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(500, "500ms")]
    [InlineData(90_000_000, "25h")]
    [InlineData(0, "0s")]
    public void Formats_durations_as_the_flags_accept_them(double milliseconds, string expected)
    {
        var text = GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(expected, text);
        Assert.True(GoDuration.TryParse(text, out var back));
        Assert.Equal(milliseconds, back.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("often")]
    [InlineData("10x")]
    [InlineData("5s garbage")]
    [InlineData("-3")]
    public void Rejects_anything_else(string text) => Assert.False(GoDuration.TryParse(text, out _));
}
