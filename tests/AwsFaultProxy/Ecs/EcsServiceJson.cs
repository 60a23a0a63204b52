using System.Text.Json.Nodes;

namespace AwsFaultProxy.Ecs;

/// <summary>Writes an emulated service in the shape of ECS's Service, Deployment and ServiceEvent (botocore's model).</summary>
internal static class EcsServiceJson
{
    /// <summary>The service-level configuration members, in the order ECS writes them.</summary>
    public static readonly string[] ServiceMembers =
    [
        "loadBalancers", "serviceRegistries", "desiredCount", "launchType", "capacityProviderStrategy", "platformVersion",
        "platformFamily", "taskDefinition", "deploymentConfiguration", "roleArn", "placementConstraints", "placementStrategy",
        "networkConfiguration", "healthCheckGracePeriodSeconds", "schedulingStrategy", "deploymentController", "createdBy",
        "enableECSManagedTags", "propagateTags", "enableExecuteCommand", "availabilityZoneRebalancing",
    ];

    /// <summary>The members ECS keeps per deployment; a change to any of them starts a new deployment.</summary>
    public static readonly string[] DeploymentMembers =
    [
        "launchType", "capacityProviderStrategy", "platformVersion", "platformFamily", "networkConfiguration",
        "serviceConnectConfiguration", "volumeConfigurations", "vpcLatticeConfigurations",
    ];

    public static JsonObject Service(EmulatedService service, bool includeTags)
    {
        var json = new JsonObject
        {
            ["serviceArn"] = service.Arn,
            ["serviceName"] = service.Name,
            ["clusterArn"] = service.ClusterArn,
            ["status"] = service.Status,
        };
        foreach (var member in ServiceMembers.Where(m => service.Config[m] is not null))
        {
            json[member] = service.Config[member]!.DeepClone();
        }

        json["runningCount"] = service.Deployments.Sum(d => d.RunningCount);
        json["pendingCount"] = service.Deployments.Sum(d => d.PendingCount);
        json["deployments"] = new JsonArray(service.Deployments.Select(Deployment).ToArray<JsonNode?>());
        json["events"] = new JsonArray(service.Events.Select(Event).ToArray<JsonNode?>());
        json["createdAt"] = Timestamp(service.CreatedAt);
        if (includeTags)
        {
            json["tags"] = Tags(service.Tags);
        }

        return json;
    }

    public static JsonObject Deployment(EmulatedDeployment deployment)
    {
        var json = new JsonObject
        {
            ["id"] = deployment.Id,
            ["status"] = deployment.Status,
            ["taskDefinition"] = deployment.TaskDefinitionArn,
            ["desiredCount"] = deployment.DesiredCount,
            ["pendingCount"] = deployment.PendingCount,
            ["runningCount"] = deployment.RunningCount,
            ["failedTasks"] = deployment.FailedTasks,
            ["createdAt"] = Timestamp(deployment.CreatedAt),
            ["updatedAt"] = Timestamp(deployment.UpdatedAt),
        };
        foreach (var (name, value) in deployment.Settings)
        {
            json[name] = value?.DeepClone();
        }

        json["rolloutState"] = deployment.RolloutState;
        if (deployment.RolloutStateReason is { } reason)
        {
            json["rolloutStateReason"] = reason;
        }

        return json;
    }

    public static JsonArray Tags(IEnumerable<KeyValuePair<string, string>> tags) =>
        new(tags.Select(t => (JsonNode?)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray());

    /// <summary>awsJson timestamps are epoch seconds.</summary>
    public static double Timestamp(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;

    private static JsonObject Event(ServiceEvent e) => new()
    {
        ["id"] = e.Id,
        ["createdAt"] = Timestamp(e.CreatedAt),
        ["message"] = e.Message,
    };
}
