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
    [InlineData("")]
    [InlineData("often")]
    [InlineData("10x")]
    [InlineData("5s garbage")]
    [InlineData("-3")]
    public void Rejects_anything_else(string text) => Assert.False(GoDuration.TryParse(text, out _));
}
