using EcsOperator.Entities;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>A Cluster + TaskDefinition + Service stack for the Service tests: Fargate, awsvpc, two tasks.</summary>
public sealed record ServiceStack(string Namespace, string ClusterName, string Family, string ServiceName)
{
    public V1alpha1Cluster Cluster() => new()
    {
        Metadata = new() { Name = "demo", NamespaceProperty = Namespace },
        Spec = new ClusterSpec { ClusterName = ClusterName, CapacityProviders = ["FARGATE"] },
    };

    public V1alpha1TaskDefinition TaskDefinition(string image = "nginx:1.27") => TaskDefinitions.Web(Namespace, Family, image);

    public V1alpha1Service Service(Action<ServiceSpec>? change = null)
    {
        var obj = new V1alpha1Service
        {
            Metadata = new() { Name = "web", NamespaceProperty = Namespace },
            Spec = new ServiceSpec
            {
                ServiceName = ServiceName,
                ClusterRef = new() { Name = "demo" },
                TaskDefinitionRef = new() { Name = "web" },
                DesiredCount = 2,
                LaunchType = "FARGATE",
                NetworkConfiguration = new() { AwsvpcConfiguration = new() { Subnets = ["subnet-b", "subnet-a"], SecurityGroups = ["sg-1"], AssignPublicIp = "DISABLED" } },
                DeploymentConfiguration = new()
                {
                    MaximumPercent = 200,
                    MinimumHealthyPercent = 100,
                    DeploymentCircuitBreaker = new() { Enable = true, Rollback = true },
                },
                HealthCheckGracePeriodSeconds = 30,
                PropagateTags = "SERVICE",
                Tags = new Dictionary<string, string> { ["app"] = "web" },
            },
        };
        change?.Invoke(obj.Spec);
        return obj;
    }
}
