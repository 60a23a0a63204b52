using EcsOperator.Controllers.Shared;
using Xunit;

namespace EcsOperator.Tests.Controllers.Shared;

public sealed class AwsFormatsTests
{
    [Theory]
    [InlineData("demo", true)]
    [InlineData("web_api-2", true)]
    [InlineData("my.cluster", false)]
    [InlineData("démo", false)]
    [InlineData("web\nadmin", false)]
    [InlineData("", false)]
    public void Ecs_names_are_letters_digits_hyphens_and_underscores(string name, bool valid)
    {
        Assert.Equal(valid, !AwsFormats.EcsName("spec.clusterName", name).Any());
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/ecsTaskExecutionRole", true)]
    [InlineData("arn:aws:iam::123456789012:role/service-role/web", true)]
    [InlineData("web-task", true)]
    [InlineData("arn:aws:iam::12345:role/web", false)]
    [InlineData("arn:aws:s3:::123456789012:bucket/x", false)]
    [InlineData("my task role", false)]
    public void Roles_are_an_iam_role_arn_or_a_role_name(string value, bool valid)
    {
        Assert.Equal(valid, !AwsFormats.RoleArnOrName("spec.taskRoleArn", value).Any());
    }

    [Theory]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123", true)]
    [InlineData("arn:aws-us-gov:elasticloadbalancing:us-gov-west-1:123456789012:targetgroup/web/0123", true)]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/", false)]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:cluster/demo", false)]
    [InlineData("targetgroup/web", false)]
    public void Arns_name_their_service_and_resource_type(string value, bool valid)
    {
        Assert.Equal(valid, !AwsFormats.Arn("spec.targetGroupArn", value, "elasticloadbalancing", "targetgroup/").Any());
    }

    [Fact]
    public void A_message_shows_invisible_characters_escaped_and_names_the_default()
    {
        var error = Assert.Single(AwsFormats.EcsName("spec.family", "web\u202Egpj", defaultedFrom: "metadata.name"));

        Assert.Equal("spec.family", error.Field);
        Assert.Contains("web\\u202Egpj", error.Message, StringComparison.Ordinal);
        Assert.Contains("defaults to metadata.name", error.Message, StringComparison.Ordinal);
    }
}
