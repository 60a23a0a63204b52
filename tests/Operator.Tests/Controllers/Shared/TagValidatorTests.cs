using EcsOperator.Controllers.Shared;
using Xunit;

namespace EcsOperator.Tests.Controllers.Shared;

public sealed class TagValidatorTests
{
    private static List<FieldError> Check(Dictionary<string, string> tags) => TagValidator.Validate(tags, "spec.tags").ToList();

    [Fact]
    public void Ordinary_tags_and_no_tags_are_valid()
    {
        Assert.Empty(Check(new() { ["team"] = "payments", ["env"] = "" }));
        Assert.Empty(TagValidator.Validate(null, "spec.tags"));
    }

    [Fact]
    public void Keys_under_the_operator_prefix_are_reserved()
    {
        var error = Assert.Single(Check(new() { ["ecs.operator.dev/cluster-id"] = "x" }));

        Assert.Equal("spec.tags[ecs.operator.dev/cluster-id]", error.Field);
        Assert.Contains("reserved for the operator", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws:cloudformation:stack-name")]
    [InlineData("AWS:whatever")]
    public void Keys_under_the_aws_prefix_are_reserved_in_any_case(string key)
    {
        Assert.Contains("reserved by AWS", Assert.Single(Check(new() { [key] = "x" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forty_eight_user_tags_fit_beside_the_two_ownership_tags()
    {
        var tags = Enumerable.Range(0, 48).ToDictionary(i => $"k{i}", i => "v");

        Assert.Empty(Check(tags));
    }

    [Fact]
    public void Forty_nine_user_tags_would_exceed_the_AWS_limit_of_fifty()
    {
        var tags = Enumerable.Range(0, 49).ToDictionary(i => $"k{i}", i => "v");

        var error = Assert.Single(Check(tags));

        Assert.Equal("spec.tags", error.Field);
        Assert.Contains("48", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_longer_than_128_characters_are_rejected()
    {
        Assert.Empty(Check(new() { [new string('k', 128)] = "v" }));
        Assert.Contains("1 to 128", Assert.Single(Check(new() { [new string('k', 129)] = "v" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_longer_than_256_characters_are_rejected()
    {
        Assert.Empty(Check(new() { ["k"] = new string('v', 256) }));
        Assert.Contains("256", Assert.Single(Check(new() { ["k"] = new string('v', 257) })).Message, StringComparison.Ordinal);
    }
}
