using EcsOperator.Controllers.Service;
using EcsOperator.Entities;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Tests.Controllers.Service;

/// <summary>The CreateService request a Service makes: the legacy service role goes only where ECS accepts it.</summary>
public sealed class ServiceRequestTests
{
    private const string Role = "arn:aws:iam::123456789012:role/ecsServiceRole";

    private static DesiredService Desired(params Ecs.LoadBalancer[] loadBalancers) => new(
        "web",
        "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
        "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1",
        loadBalancers,
        new ServiceSpec { Cluster = "demo", TaskDefinition = "web", LaunchType = "EC2", Role = Role });

    [Fact]
    public void The_service_role_is_sent_beside_the_load_balancers_of_the_bindings()
    {
        var request = ServiceRequest.Create(Desired(new Ecs.LoadBalancer { LoadBalancerName = "classic", ContainerName = "web", ContainerPort = 80 }), new Dictionary<string, string>(), "token");

        Assert.Equal(Role, request.Role);
        Assert.Equal("classic", Assert.Single(request.LoadBalancers!).LoadBalancerName);
    }

    [Fact]
    public void Without_load_balancers_the_service_role_is_left_out_since_ECS_refuses_it_alone()
    {
        var request = ServiceRequest.Create(Desired(), new Dictionary<string, string>(), "token");

        Assert.Null(request.Role);
        Assert.Null(request.LoadBalancers);
    }
}
