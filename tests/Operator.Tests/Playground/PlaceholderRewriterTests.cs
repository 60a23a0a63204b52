using EcsOperator.Playground;
using Xunit;

namespace EcsOperator.Tests.Playground;

public sealed class PlaceholderRewriterTests
{
    private static readonly Dictionary<string, string> Seeded = new()
    {
        ["EFS_ID"] = "fs-1234",
        ["SUBNET_A"] = "subnet-aaaa",
        ["EXECUTION_ROLE_ARN"] = "arn:aws:iam::123456789012:role/exec",
    };

    [Fact]
    public void Every_occurrence_of_a_known_placeholder_is_replaced_with_the_seeded_id()
    {
        var result = PlaceholderRewriter.Rewrite("a: ${EFS_ID}\nb: [${SUBNET_A}, ${EFS_ID}]\n", "x.yaml", Seeded);

        Assert.Equal("a: fs-1234\nb: [subnet-aaaa, fs-1234]\n", result.Text);
    }

    [Fact]
    public void The_used_placeholders_are_reported_once_each_in_order_of_first_use()
    {
        var result = PlaceholderRewriter.Rewrite("${SUBNET_A} ${EFS_ID} ${SUBNET_A}", "x.yaml", Seeded);

        Assert.Equal(["SUBNET_A", "EFS_ID"], result.UsedPlaceholders);
    }

    [Fact]
    public void Unknown_placeholders_are_an_error_naming_each_of_them_and_the_file()
    {
        var error = Assert.Throws<PlaygroundException>(
            () => PlaceholderRewriter.Rewrite("a: ${EFS_ID}\nb: ${NOPE}\nc: ${ALSO_NOPE}\nd: ${NOPE}", "samples/web.yaml", Seeded));

        Assert.StartsWith("samples/web.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains("${NOPE}, ${ALSO_NOPE}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("${EFS_ID}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_lists_the_placeholders_that_do_exist()
    {
        var error = Assert.Throws<PlaygroundException>(() => PlaceholderRewriter.Rewrite("${EFS}", "x.yaml", Seeded));

        Assert.Contains("EFS_ID, EXECUTION_ROLE_ARN, SUBNET_A", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_placeholders_and_shell_like_dollars_are_left_alone()
    {
        const string text = "command: [\"sh\", \"-c\", \"echo $HOME ${}\"]\nprice: $5\n";

        var result = PlaceholderRewriter.Rewrite(text, "x.yaml", Seeded);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.UsedPlaceholders);
    }
}
