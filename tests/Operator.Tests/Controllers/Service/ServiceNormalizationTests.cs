using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Tests.Entities;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Tests.Controllers.Service;

/// <summary>
/// Normalization against real DescribeServices output, which moto never produces: botocore's documented examples, and a
/// Fargate service with every field ECS fills in by itself. The spec that made a service, compared with what ECS
/// reports for it (read as the client reads the wire, then mapped into status), gives an empty delta and no immutable
/// field change: an unchanged object causes no UpdateService.
/// </summary>
public sealed class ServiceNormalizationTests
{
    private const string Arn = "arn:aws:ecs:us-east-1:123456789012";

    /// <summary>What DescribeServices returns for <see cref="FargateSpec"/> on ECS: every default filled in, lists reordered.</summary>
    private const string FargateService = """
    {
      "serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/demo/web", "serviceName": "web", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
      "loadBalancers": [], "serviceRegistries": [], "status": "ACTIVE",
      "desiredCount": 2, "runningCount": 2, "pendingCount": 0,
      "launchType": "FARGATE", "platformVersion": "LATEST", "platformFamily": "Linux",
      "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
      "deploymentConfiguration": {
        "deploymentCircuitBreaker": {"enable": true, "rollback": true},
        "maximumPercent": 200, "minimumHealthyPercent": 100,
        "alarms": {"alarmNames": [], "rollback": false, "enable": false},
        "strategy": "ROLLING", "bakeTimeInMinutes": 0
      },
      "deployments": [{
        "id": "ecs-svc/1234567890123456789", "status": "PRIMARY", "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
        "desiredCount": 2, "pendingCount": 0, "runningCount": 2, "failedTasks": 0,
        "createdAt": 1764417600.123, "updatedAt": 1764417700.456,
        "launchType": "FARGATE", "platformVersion": "1.4.0", "platformFamily": "Linux",
        "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-b", "subnet-a"], "securityGroups": ["sg-2", "sg-1"], "assignPublicIp": "DISABLED"}},
        "rolloutState": "COMPLETED", "rolloutStateReason": "ECS deployment ecs-svc/1234567890123456789 completed.",
        "volumeConfigurations": [], "fargateEphemeralStorage": {"kmsKeyId": ""}
      }],
      "roleArn": "arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
      "events": [{"id": "e-1", "createdAt": 1764417700.456, "message": "(service web) has reached a steady state."}],
      "createdAt": 1764417600.123,
      "currentServiceDeployment": "arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/web/abc",
      "placementConstraints": [], "placementStrategy": [],
      "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-b", "subnet-a"], "securityGroups": ["sg-2", "sg-1"], "assignPublicIp": "DISABLED"}},
      "healthCheckGracePeriodSeconds": 30, "schedulingStrategy": "REPLICA",
      "deploymentController": {"type": "ECS"},
      "tags": [{"key": "app", "value": "web"}, {"key": "ecs.operator.dev/owner", "value": "ns/Service/web"}],
      "createdBy": "arn:aws:iam::123456789012:role/ecs-operator",
      "enableECSManagedTags": false, "propagateTags": "SERVICE", "enableExecuteCommand": false,
      "availabilityZoneRebalancing": "ENABLED"
    }
    """;

    /// <summary>The spec a user writes for that service: subnets and groups in their own order, ECS's defaults left out.</summary>
    private static ServiceSpec FargateSpec() => new()
    {
        ClusterRef = new() { Name = "demo" },
        TaskDefinitionRef = new() { Name = "web" },
        DesiredCount = 2,
        LaunchType = "FARGATE",
        PlatformVersion = "LATEST",
        NetworkConfiguration = new() { AwsvpcConfiguration = new() { Subnets = ["subnet-a", "subnet-b"], SecurityGroups = ["sg-1", "sg-2"] } },
        DeploymentConfiguration = new() { MaximumPercent = 200, MinimumHealthyPercent = 100, DeploymentCircuitBreaker = new() { Enable = true, Rollback = true } },
        PlacementConstraints = [],
        HealthCheckGracePeriodSeconds = 30,
        EnableExecuteCommand = false,
        PropagateTags = "SERVICE",
        Tags = new Dictionary<string, string> { ["app"] = "web" },
    };

    [Fact]
    public void A_fargate_service_with_every_default_ecs_fills_in_matches_the_spec_that_made_it()
    {
        var observed = Wire(JsonNode.Parse(FargateService)!);
        var desired = new DesiredService("web", $"{Arn}:cluster/demo", "web:3", [], FargateSpec());

        AssertUnchanged(desired, observed);
        var status = new ServiceStatus();
        ServiceRollout.MapStatus(status, observed);
        Assert.Equal(("web:3", "COMPLETED", 2), (status.TaskDefinitionRevision, status.RolloutState, status.RunningCount));
    }

    [Fact]
    public void A_spec_pasted_from_describe_services_output_matches_the_service()
    {
        var node = JsonNode.Parse(FargateService)!.AsObject();
        var observed = Wire(node);
        var spec = Pasted(node);

        AssertUnchanged(new DesiredService("web", observed.ClusterArn!, spec.TaskDefinition!, [], spec), observed);
    }

    [Fact]
    public async Task Botocore_create_service_examples_match_the_spec_that_made_them()
    {
        var examples = await (await BotocoreModel.LoadAsync("ecs")).ExamplesAsync();
        var cases = examples["CreateService"]!.AsArray();
        Assert.NotEmpty(cases);
        foreach (var example in cases)
        {
            var input = example!["input"]!.AsObject();
            var observed = Wire(example["output"]!["service"]!);
            var spec = WireShape.Convert<ServiceSpec>(Without(input, "serviceName", "taskDefinition", "loadBalancers"))!;
            spec.Cluster = "default";
            var balancers = WireShape.Convert<List<Ecs.LoadBalancer>>(input["loadBalancers"]) ?? [];

            // The example names the family; a reference resolves it to the revision ECS ran, written family:revision.
            AssertUnchanged(new DesiredService(observed.ServiceName!, "default", ServiceDelta.Revision(observed.TaskDefinition!), balancers, spec), observed);
        }
    }

    [Fact]
    public async Task Botocore_describe_services_examples_match_a_spec_pasted_from_them()
    {
        var examples = await (await BotocoreModel.LoadAsync("ecs")).ExamplesAsync();
        var services = examples["DescribeServices"]!.AsArray().SelectMany(e => e!["output"]!["services"]!.AsArray()).ToList();
        Assert.NotEmpty(services);
        foreach (var service in services)
        {
            var observed = Wire(service!);
            var spec = Pasted(service!.AsObject());

            AssertUnchanged(new DesiredService(observed.ServiceName!, observed.ClusterArn!, spec.TaskDefinition!, [], spec), observed);
        }
    }

    /// <summary>The delta is empty, nothing immutable differs, and the lists managed after the first sync stay in sync.</summary>
    private static void AssertUnchanged(DesiredService desired, Ecs.Service observed)
    {
        var applied = new ServiceStatus { ManagedLists = ServiceDelta.ManagedListsAfter(desired, null, observed), AppliedTagKeys = desired.Spec.Tags?.Keys.ToList() };
        var tags = AwsTags.ToDictionary(observed.Tags);

        var delta = ServiceDelta.Compute(desired, observed, tags, applied);

        Assert.True(delta.IsEmpty, $"{observed.ServiceName}: an unchanged spec would send {string.Join(", ", delta.Fields)} {JsonSerializer.Serialize(delta.Update)}");
        Assert.DoesNotContain(ServiceValidation.ImmutableAgainst(desired.Spec, observed), f => f.Applied != f.Desired);
    }

    /// <summary>ECS's JSON read exactly as the client reads a DescribeServices answer.</summary>
    private static Ecs.Service Wire(JsonNode service) =>
        JsonSerializer.Deserialize<Ecs.DescribeServicesResponse>(new JsonObject { ["services"] = new JsonArray(service.DeepClone()) }.ToJsonString())!.Services!.Single();

    /// <summary>
    /// A spec made by pasting describe-services output (spec fields carry ECS's names, DESIGN.md §3), minus what is not a
    /// spec field: the tags list (the spec has a map), roleArn, and the capacity strategy ECS lists next to a launch type.
    /// </summary>
    private static ServiceSpec Pasted(JsonObject service)
    {
        var spec = WireShape.Convert<ServiceSpec>(Without(service, "tags", "loadBalancers", "capacityProviderStrategy"))!;
        spec.Cluster = service["clusterArn"]!.GetValue<string>();
        spec.TaskDefinition = ServiceDelta.Revision(service["taskDefinition"]!.GetValue<string>());
        spec.Tags = service["tags"]?.AsArray().ToDictionary(t => t!["key"]!.GetValue<string>(), t => t!["value"]!.GetValue<string>());
        spec.Tags?.Remove(WellKnown.OwnerTag);
        return spec;
    }

    private static JsonObject Without(JsonObject node, params string[] fields)
    {
        var copy = node.DeepClone().AsObject();
        foreach (var field in fields)
        {
            copy.Remove(field);
        }

        return copy;
    }
}
