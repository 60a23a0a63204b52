using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.Tests.Controllers.TaskDefinition;

public sealed class TaskDefinitionRequestTests
{
    private static TaskDefinitionSpec Spec() => new()
    {
        Cpu = "256",
        Memory = "512",
        NetworkMode = "awsvpc",
        RequiresCompatibilities = ["FARGATE"],
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/exec",
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "web",
                Image = "nginx:1.27",
                Environment = [new NameValuePair { Name = "B", Value = "2" }, new NameValuePair { Name = "A", Value = "1" }],
                PortMappings = [new PortMapping { ContainerPort = 80 }],
            },
        ],
        Tags = new Dictionary<string, string> { ["team"] = "a" },
        RevisionHistoryLimit = 3,
    };

    [Fact]
    public void Request_carries_the_spec_the_family_and_every_tag()
    {
        var request = TaskDefinitionRequest.Build(Spec(), "web", new Dictionary<string, string> { ["ecs.operator.dev/spec-hash"] = "h" });

        Assert.Equal("web", request.Family);
        Assert.Equal("256", request.Cpu);
        Assert.Equal("arn:aws:iam::123456789012:role/exec", request.ExecutionRoleArn);
        Assert.Equal(80, Assert.Single(Assert.Single(request.ContainerDefinitions!).PortMappings!).ContainerPort);
        Assert.Equal(["ecs.operator.dev/spec-hash", "team"], request.Tags!.Select(t => t.Key));
    }

    [Fact]
    public void Hash_ignores_env_order_and_the_history_limit()
    {
        var reordered = Spec();
        reordered.ContainerDefinitions[0].Environment = [.. reordered.ContainerDefinitions[0].Environment!.Reverse()];
        reordered.RevisionHistoryLimit = 10;

        Assert.Equal(TaskDefinitionRequest.HashOf(Spec(), "web"), TaskDefinitionRequest.HashOf(reordered, "web"));
    }

    [Fact]
    public void Hash_follows_the_image()
    {
        var changed = Spec();
        changed.ContainerDefinitions[0].Image = "nginx:1.28";

        Assert.NotEqual(TaskDefinitionRequest.HashOf(Spec(), "web"), TaskDefinitionRequest.HashOf(changed, "web"));
    }

    [Theory]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3", "web")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:12", "web-api")]
    public void Family_is_read_from_a_revision_arn(string arn, string family) => Assert.Equal(family, TaskDefinitionManager.FamilyOf(arn));

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/exec", "exec")]
    [InlineData("arn:aws:iam::123456789012:role/service-role/exec", "exec")]
    public void Role_name_is_the_last_segment_of_its_arn(string arn, string name) => Assert.Equal(name, TaskDefinitionDependencies.RoleName(arn));
}
