using EcsOperator.Entities;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>TaskDefinition objects for the tests: a small Fargate web task.</summary>
public static class TaskDefinitions
{
    public static V1alpha1TaskDefinition Web(string ns, string family, string image = "nginx:1.27", Action<TaskDefinitionSpec>? change = null)
    {
        var obj = new V1alpha1TaskDefinition
        {
            Metadata = new() { Name = "web", NamespaceProperty = ns },
            Spec = new TaskDefinitionSpec
            {
                Family = family,
                Cpu = "256",
                Memory = "512",
                NetworkMode = "awsvpc",
                RequiresCompatibilities = ["FARGATE"],
                ContainerDefinitions =
                [
                    new ContainerDefinition
                    {
                        Name = "web",
                        Image = image,
                        Essential = true,
                        PortMappings = [new PortMapping { ContainerPort = 80, Protocol = "tcp" }],
                        Environment = [new NameValuePair { Name = "A", Value = "1" }, new NameValuePair { Name = "B", Value = "2" }],
                    },
                ],
                Tags = new Dictionary<string, string> { ["app"] = "web" },
            },
        };
        change?.Invoke(obj.Spec);
        return obj;
    }
}
