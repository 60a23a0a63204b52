using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AwsFaultProxy.Ecs;

/// <summary>The CreateService/UpdateService checks real ECS makes and moto skips, with ECS's wording.</summary>
internal sealed class EcsServiceValidation(EcsUpstreamReader upstream)
{
    public const string CapacityStrategyNeedsNewDeployment =
        "When switching from launch type to capacity provider strategy on an existing service, or making a change to a capacity provider strategy on a service that is already using one, you must force a new deployment.";

    /// <summary>The task definition by family, family:revision or ARN; ClientException when it does not exist.</summary>
    public async Task<JsonObject> TaskDefinitionAsync(HttpRequest client, string? taskDefinition, CancellationToken ct) =>
        string.IsNullOrEmpty(taskDefinition)
            ? throw EcsApiException.InvalidParameter("TaskDefinition cannot be empty.")
            : await upstream.DescribeTaskDefinitionAsync(client, taskDefinition, ct) ?? throw new EcsApiException("ClientException", "TaskDefinition not found.");

    public static void LaunchTypeOrStrategy(JsonObject request)
    {
        if (request["launchType"] is not null && request["capacityProviderStrategy"] is JsonArray { Count: > 0 })
        {
            throw EcsApiException.InvalidParameter("Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
        }
    }

    /// <summary>Each target group must be attached to a load balancer; each container and port must be in the task definition.</summary>
    public async Task LoadBalancersAsync(HttpRequest client, JsonNode? loadBalancers, JsonObject taskDefinition, CancellationToken ct)
    {
        foreach (var entry in (loadBalancers as JsonArray ?? []).OfType<JsonObject>())
        {
            if (entry.Text("targetGroupArn") is { } targetGroup)
            {
                var attached = await upstream.TargetGroupLoadBalancersAsync(client, targetGroup, ct)
                    ?? throw EcsApiException.InvalidParameter($"Unable to find the target group with targetGroupArn {targetGroup}.");
                if (attached.Count == 0)
                {
                    throw EcsApiException.InvalidParameter($"The target group with targetGroupArn {targetGroup} does not have an associated load balancer.");
                }
            }

            ContainerPort(entry, taskDefinition);
        }
    }

    /// <summary>True when a container image is tagged <c>crashloop</c> (e.g. <c>nginx:crashloop</c>): its tasks never start.</summary>
    public static bool TasksCrash(JsonObject taskDefinition) =>
        (taskDefinition["containerDefinitions"] as JsonArray ?? []).Any(c =>
            (c?.Text("image") ?? string.Empty).Split('/')[^1].EndsWith(":crashloop", StringComparison.Ordinal));

    private static void ContainerPort(JsonObject entry, JsonObject taskDefinition)
    {
        var name = entry.Text("containerName");
        var port = entry.Number("containerPort");
        if (name is null || port is null)
        {
            throw EcsApiException.InvalidParameter("Container Name can not be blank.");
        }

        var container = (taskDefinition["containerDefinitions"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(c => c.Text("name") == name)
            ?? throw EcsApiException.InvalidParameter($"The container {name} does not exist in the task definition.");
        if (!(container["portMappings"] as JsonArray ?? []).Any(p => p?.Number("containerPort") == port))
        {
            throw EcsApiException.InvalidParameter($"The container {name} did not have a container port {port} defined.");
        }
    }
}
