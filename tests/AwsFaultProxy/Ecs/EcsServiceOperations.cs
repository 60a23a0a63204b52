using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AwsFaultProxy.Ecs;

/// <summary>CreateService, UpdateService and DeleteService against the front's state, with ECS's rules and errors.</summary>
internal sealed class EcsServiceOperations(EcsServiceStore store, EcsUpstreamReader upstream, EcsClusterChecks clusters)
{
    /// <summary>UpdateService members that start a new deployment when they change.</summary>
    private static readonly string[] DeploymentTriggers =
    [
        "taskDefinition", "capacityProviderStrategy", "networkConfiguration", "platformVersion", "loadBalancers",
        "serviceRegistries", "serviceConnectConfiguration", "volumeConfigurations", "vpcLatticeConfigurations",
    ];

    private static readonly string[] Updatable =
    [
        .. DeploymentTriggers, "desiredCount", "deploymentConfiguration", "availabilityZoneRebalancing", "placementConstraints",
        "placementStrategy", "healthCheckGracePeriodSeconds", "deploymentController", "enableExecuteCommand", "enableECSManagedTags",
        "propagateTags",
    ];

    private readonly EcsServiceValidation _validation = new(upstream);

    public async Task<JsonObject> CreateAsync(HttpRequest client, JsonObject request, CancellationToken ct)
    {
        var name = request.Text("serviceName") is { Length: > 0 } n ? n : throw EcsApiException.InvalidParameter("Service name cannot be empty.");
        var cluster = await clusters.ResolveAsync(client, request, ct);
        var taskDefinition = await _validation.TaskDefinitionAsync(client, request.Text("taskDefinition"), ct);
        EcsServiceValidation.LaunchTypeOrStrategy(request);
        await _validation.LoadBalancersAsync(client, request["loadBalancers"], taskDefinition, ct);
        var config = EcsServiceDefaults.Config(request, cluster, taskDefinition["taskDefinitionArn"]!.GetValue<string>());
        if (config["schedulingStrategy"]!.GetValue<string>() == "REPLICA" && config["desiredCount"] is null)
        {
            throw EcsApiException.InvalidParameter("desiredCount is required for the REPLICA scheduling strategy.");
        }

        var token = request.Text("clientToken");
        var unplaceable = await UnplaceableAsync(client, cluster, config.Text("launchType"), ct);
        lock (store.Gate)
        {
            if (store.Find(cluster.Arn, name) is { } existing && existing.IsActiveOrDraining)
            {
                return Idempotent(existing, token);
            }

            var service = new EmulatedService
            {
                Name = name,
                Arn = EcsServiceQueries.ServiceArn(cluster, name),
                ClusterArn = cluster.Arn,
                ClientToken = token,
                CreatedAt = store.Now,
                Config = config,
                LastLaunchType = config.Text("launchType"),
            };
            service.SetTags((request["tags"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(t => KeyValuePair.Create(t.Text("key") ?? string.Empty, t.Text("value") ?? string.Empty)));
            StartDeployment(service, EcsServiceValidation.TasksCrash(taskDefinition), unplaceable);
            store.Put(service);
            return Answer(service);
        }
    }

    public async Task<JsonObject> UpdateAsync(HttpRequest client, JsonObject request, CancellationToken ct)
    {
        var cluster = await clusters.ResolveAsync(client, request, ct);
        var name = request.Text("service") ?? string.Empty;
        var (taskDefinition, unplaceable) = await PrepareUpdateAsync(client, cluster, name, request, ct);
        lock (store.Gate)
        {
            var service = Active(cluster, name);
            var force = request.Flag("forceNewDeployment") == true;
            CheckCapacitySwitch(service, request, force);
            var redeploy = force || DeploymentTriggers.Any(m => request[m] is not null && !JsonNode.DeepEquals(request[m], service.Config[m]));
            Apply(service, request);
            if (redeploy)
            {
                StartDeployment(service, EcsServiceValidation.TasksCrash(taskDefinition), unplaceable);
            }
            else if (request["desiredCount"] is not null)
            {
                Rescale(service);
            }

            return Answer(service);
        }
    }

    /// <summary>
    /// The reads an update needs, made outside the lock: the task definition it will run (resolved to its ARN in the
    /// request), the load balancers checked against it (the service's own when the request keeps them, as ECS
    /// requires their containers to stay in every new revision), and whether EC2 tasks can be placed.
    /// </summary>
    private async Task<(JsonObject TaskDefinition, bool Unplaceable)> PrepareUpdateAsync(
        HttpRequest client, EcsCluster cluster, string name, JsonObject request, CancellationToken ct)
    {
        JsonObject current;
        string? lastLaunchType;
        lock (store.Gate)
        {
            var service = Active(cluster, name);
            (current, lastLaunchType) = (service.Config.DeepClone().AsObject(), service.LastLaunchType);
        }

        var taskDefinition = await _validation.TaskDefinitionAsync(client, request.Text("taskDefinition") ?? current["taskDefinition"]!.GetValue<string>(), ct);
        await _validation.LoadBalancersAsync(client, request["loadBalancers"] ?? current["loadBalancers"], taskDefinition, ct);
        if (request["taskDefinition"] is not null)
        {
            request["taskDefinition"] = taskDefinition["taskDefinitionArn"]!.GetValue<string>();
        }

        // An empty strategy goes back to the launch type the service had (Apply); one that never had one takes the
        // cluster's default strategy.
        var backToLaunchType = request["capacityProviderStrategy"] is JsonArray { Count: 0 } && lastLaunchType is not null;
        if (request["capacityProviderStrategy"] is JsonArray { Count: 0 } && !backToLaunchType)
        {
            request["capacityProviderStrategy"] = cluster.DefaultCapacityProviderStrategy?.DeepClone() ?? new JsonArray();
        }

        var launchType = backToLaunchType ? lastLaunchType : request["capacityProviderStrategy"] is null ? current.Text("launchType") : null;
        return (taskDefinition, await UnplaceableAsync(client, cluster, launchType, ct));
    }

    public async Task<JsonObject> DeleteAsync(HttpRequest client, JsonObject request, CancellationToken ct)
    {
        var cluster = await clusters.ResolveAsync(client, request, ct);
        lock (store.Gate)
        {
            var service = Active(cluster, request.Text("service") ?? string.Empty);
            if (request.Flag("force") != true && service.DesiredCount > 0 && service.Config.Text("schedulingStrategy") == "REPLICA")
            {
                throw EcsApiException.InvalidParameter("The service cannot be stopped while it is scaled above 0.");
            }

            service.Status = "DRAINING";
            service.DesiredCount = 0;
            service.InactiveAt = store.Now + store.Scheduler.Delay;
            foreach (var deployment in service.Deployments)
            {
                (deployment.DesiredCount, deployment.PendingCount, deployment.DueAt) = (0, 0, null);
            }

            return Answer(service);
        }
    }

    /// <summary>The same clientToken returns the same service; anything else is not idempotent (or still draining).</summary>
    private static JsonObject Idempotent(EmulatedService existing, string? token)
    {
        if (existing.Status == "DRAINING")
        {
            throw EcsApiException.InvalidParameter("Unable to Start a service that is still Draining.");
        }

        return token is not null && token == existing.ClientToken
            ? Answer(existing)
            : throw EcsApiException.InvalidParameter("Creation of service was not idempotent.");
    }

    private EmulatedService Active(EcsCluster cluster, string name)
    {
        var service = store.Find(cluster.Arn, name) ?? throw EcsApiException.ServiceNotFound();
        return service.Status == "ACTIVE" ? service : throw EcsApiException.ServiceNotActive();
    }

    private static void CheckCapacitySwitch(EmulatedService service, JsonObject request, bool force)
    {
        if (request["capacityProviderStrategy"] is { } strategy && !force
            && (service.Config["launchType"] is not null || !JsonNode.DeepEquals(strategy, service.Config["capacityProviderStrategy"])))
        {
            throw EcsApiException.InvalidParameter(EcsServiceValidation.CapacityStrategyNeedsNewDeployment);
        }
    }

    private static void Apply(EmulatedService service, JsonObject request)
    {
        foreach (var member in Updatable.Where(m => request[m] is not null))
        {
            service.Config[member] = member == "deploymentConfiguration"
                ? EcsServiceDefaults.MergeInto(service.Config[member]!.AsObject(), request[member]!.AsObject())
                : request[member]!.DeepClone();
        }

        if (request["capacityProviderStrategy"] is JsonArray { Count: 0 } && service.LastLaunchType is { } launchType)
        {
            service.Config.Remove("capacityProviderStrategy");
            service.Config["launchType"] = launchType;
        }
        else if (request["capacityProviderStrategy"] is not null)
        {
            service.LastLaunchType = service.Config.Text("launchType") ?? service.LastLaunchType;
            service.Config.Remove("launchType");
        }

        if (request["capacityProviderStrategy"] is not null && EcsServiceDefaults.UsesFargate(service.Config))
        {
            service.Config["platformVersion"] ??= "LATEST";
        }
    }

    /// <summary>A new PRIMARY deployment; the old PRIMARY becomes ACTIVE and drains once the new one runs.</summary>
    private async Task<bool> UnplaceableAsync(HttpRequest client, EcsCluster cluster, string? launchType, CancellationToken ct) =>
        launchType == "EC2" && await upstream.ContainerInstanceCountAsync(client, cluster.Arn, ct) == 0;

    private void StartDeployment(EmulatedService service, bool tasksCrash, bool unplaceable)
    {
        var now = store.Now;
        foreach (var old in service.Deployments)
        {
            (old.Status, old.DueAt, old.PendingCount) = ("ACTIVE", null, 0);
        }

        var settings = new JsonObject();
        foreach (var member in EcsServiceJson.DeploymentMembers.Where(m => service.Config[m] is not null))
        {
            settings[member] = service.Config[member]!.DeepClone();
        }

        service.Deployments.Insert(0, new EmulatedDeployment
        {
            Id = EmulatedDeployment.NewId(),
            TaskDefinitionArn = service.Config["taskDefinition"]!.GetValue<string>(),
            TasksCrash = tasksCrash,
            Unplaceable = unplaceable,
            CreatedAt = now,
            UpdatedAt = now,
            Settings = settings,
            DesiredCount = service.DesiredCount,
            PendingCount = service.DesiredCount,
            DueAt = now + store.Scheduler.Delay,
        });
    }

    /// <summary>A desiredCount change without a new deployment: the PRIMARY's tasks follow after the delay.</summary>
    private void Rescale(EmulatedService service)
    {
        if (service.Primary is not { } primary)
        {
            return;
        }

        primary.DesiredCount = service.DesiredCount;
        primary.PendingCount = Math.Max(0, primary.DesiredCount - primary.RunningCount);
        primary.DueAt ??= store.Now + store.Scheduler.Delay;
    }

    private static JsonObject Answer(EmulatedService service) => new() { ["service"] = EcsServiceJson.Service(service, includeTags: false) };
}
