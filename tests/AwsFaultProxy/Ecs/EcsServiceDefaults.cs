using System.Text.Json.Nodes;

namespace AwsFaultProxy.Ecs;

/// <summary>The configuration ECS records for a new service: every member the request gave, plus ECS's defaults.</summary>
internal static class EcsServiceDefaults
{
    /// <summary>Request members that are not configuration (or are kept elsewhere).</summary>
    private static readonly HashSet<string> NotConfig = new(StringComparer.Ordinal) { "cluster", "serviceName", "clientToken", "tags", "role" };

    public static JsonObject Config(JsonObject request, EcsCluster cluster, string taskDefinitionArn)
    {
        var config = new JsonObject();
        foreach (var (name, value) in request.Where(m => !NotConfig.Contains(m.Key)))
        {
            config[name] = value?.DeepClone();
        }

        config["taskDefinition"] = taskDefinitionArn;
        config["schedulingStrategy"] ??= "REPLICA";
        config["loadBalancers"] ??= new JsonArray();
        config["serviceRegistries"] ??= new JsonArray();
        config["placementConstraints"] ??= new JsonArray();
        config["placementStrategy"] ??= new JsonArray();
        config["deploymentController"] ??= new JsonObject { ["type"] = "ECS" };
        config["enableECSManagedTags"] ??= false;
        config["propagateTags"] ??= "NONE";
        config["enableExecuteCommand"] ??= false;
        config["availabilityZoneRebalancing"] ??= config["schedulingStrategy"]!.GetValue<string>() == "DAEMON" ? "DISABLED" : "ENABLED";
        config["createdBy"] = $"arn:aws:iam::{cluster.Account}:root";
        config["deploymentConfiguration"] = MergeInto(DefaultDeploymentConfiguration(), config["deploymentConfiguration"] as JsonObject);
        if (request.Text("role") is { } role)
        {
            config["roleArn"] = role.StartsWith("arn:", StringComparison.Ordinal) ? role : $"arn:aws:iam::{cluster.Account}:role/{role}";
        }

        Capacity(config, cluster);
        if (config["networkConfiguration"]?["awsvpcConfiguration"] is JsonObject awsvpc)
        {
            awsvpc["assignPublicIp"] ??= "DISABLED";
        }

        return config;
    }

    /// <summary>Copies <paramref name="changes"/> over <paramref name="target"/>, member by member, objects recursively.</summary>
    public static JsonObject MergeInto(JsonObject target, JsonObject? changes)
    {
        foreach (var (name, value) in changes ?? [])
        {
            target[name] = value is JsonObject inner && target[name] is JsonObject existing ? MergeInto(existing, inner) : value?.DeepClone();
        }

        return target;
    }

    /// <summary>Neither launchType nor a strategy: the cluster's default strategy, else EC2. Fargate gets platformVersion LATEST.</summary>
    private static void Capacity(JsonObject config, EcsCluster cluster)
    {
        if (config["capacityProviderStrategy"] is JsonArray { Count: > 0 })
        {
            config.Remove("launchType");
        }
        else if (config["launchType"] is null)
        {
            config.Remove("capacityProviderStrategy");
            if (cluster.DefaultCapacityProviderStrategy is { Count: > 0 } strategy)
            {
                config["capacityProviderStrategy"] = strategy.DeepClone();
            }
            else
            {
                config["launchType"] = "EC2";
            }
        }
        else
        {
            config.Remove("capacityProviderStrategy");
        }

        if (UsesFargate(config))
        {
            config["platformVersion"] ??= "LATEST";
        }
    }

    public static bool UsesFargate(JsonObject config) =>
        config.Text("launchType") == "FARGATE"
        || (config["capacityProviderStrategy"] as JsonArray ?? []).Any(i => i?.Text("capacityProvider")?.StartsWith("FARGATE", StringComparison.Ordinal) == true);

    private static JsonObject DefaultDeploymentConfiguration() => new()
    {
        ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = false, ["rollback"] = false },
        ["maximumPercent"] = 200,
        ["minimumHealthyPercent"] = 100,
        ["strategy"] = "ROLLING",
    };
}
