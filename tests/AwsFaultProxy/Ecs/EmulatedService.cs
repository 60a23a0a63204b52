using System.Text.Json.Nodes;

namespace AwsFaultProxy.Ecs;

/// <summary>
/// The full state of one ECS service as the front keeps it: the configuration as created and updated (echoed
/// member for member), its status, deployments (PRIMARY first), events (newest first) and tags.
/// </summary>
internal sealed class EmulatedService
{
    public const int MaxEvents = 100;

    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string ClusterArn { get; init; }

    public string? ClientToken { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>ACTIVE, DRAINING or INACTIVE.</summary>
    public string Status { get; set; } = "ACTIVE";

    /// <summary>When a DRAINING service becomes INACTIVE.</summary>
    public DateTimeOffset? InactiveAt { get; set; }

    /// <summary>The service-level configuration members (desiredCount, deploymentConfiguration, placement...).</summary>
    public required JsonObject Config { get; init; }

    /// <summary>
    /// The launch type the service was created with or last had, kept while it runs a capacity provider strategy:
    /// an UpdateService with an empty strategy takes it back there, as ECS does.
    /// </summary>
    public string? LastLaunchType { get; set; }

    public List<EmulatedDeployment> Deployments { get; } = [];

    public List<ServiceEvent> Events { get; } = [];

    public List<KeyValuePair<string, string>> Tags { get; } = [];

    /// <summary>The task definition of the last deployment that completed: where a circuit breaker rolls back to.</summary>
    public string? LastCompletedTaskDefinition { get; set; }

    public string? LastCompletedDeploymentId { get; set; }

    public int DesiredCount
    {
        get => Config.Number("desiredCount") ?? 0;
        set => Config["desiredCount"] = value;
    }

    public EmulatedDeployment? Primary => Deployments.FirstOrDefault(d => d.Status == "PRIMARY");

    public bool IsActiveOrDraining => Status is "ACTIVE" or "DRAINING";

    public void AddEvent(DateTimeOffset at, string message)
    {
        Events.Insert(0, new ServiceEvent(Guid.NewGuid().ToString(), at, $"(service {Name}) {message}"));
        if (Events.Count > MaxEvents)
        {
            Events.RemoveAt(Events.Count - 1);
        }
    }

    public void SetTags(IEnumerable<KeyValuePair<string, string>> tags)
    {
        foreach (var tag in tags)
        {
            Tags.RemoveAll(t => t.Key == tag.Key);
            Tags.Add(tag);
        }
    }
}

/// <summary>One entry of a service's <c>events</c>: ECS's id (a uuid), time and message.</summary>
internal sealed record ServiceEvent(string Id, DateTimeOffset CreatedAt, string Message);
