using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Service;

/// <summary>A Service's spec with its references resolved: what ECS should run, and where.</summary>
public sealed record DesiredService(
    string Name,
    string Cluster,
    string TaskDefinition,
    IReadOnlyList<Ecs.LoadBalancer> LoadBalancers,
    ServiceSpec Spec);

/// <summary>The spec → ECS request mapping for a service. Spec fields carry ECS's own names, so most map by a JSON round trip.</summary>
public static class ServiceRequest
{
    /// <summary>The spec fields that are not ECS request fields (references, the tags map, the operator's own).</summary>
    private static readonly string[] NotRequestFields = ["clusterRef", "cluster", "taskDefinitionRef", "taskDefinition", "tags", "deletionPolicy", "serviceName", "desiredCount"];

    /// <summary>
    /// CreateService with every field the spec sets. desiredCount omitted means "not managed" (autoscaling owns it):
    /// 1 is sent on create, as ECS requires one for REPLICA, and never again.
    /// </summary>
    public static Ecs.CreateServiceRequest Create(DesiredService desired, IReadOnlyDictionary<string, string> tags, string clientToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var request = WireShape.Convert<Ecs.CreateServiceRequest>(SpecFields(desired.Spec)) ?? new Ecs.CreateServiceRequest();
        request.Cluster = desired.Cluster;
        request.ServiceName = desired.Name;
        request.TaskDefinition = desired.TaskDefinition;
        request.DesiredCount = desired.Spec.SchedulingStrategy == "DAEMON" ? null : desired.Spec.DesiredCount ?? 1;
        request.LoadBalancers = desired.LoadBalancers.Count > 0 ? [.. desired.LoadBalancers] : null;

        // ECS takes the legacy service role only beside loadBalancers (CreateService refuses it alone). A service created
        // before its bindings can attach goes without it, and ECS uses its service-linked role for the ones added later.
        request.Role = request.LoadBalancers is null ? null : desired.Spec.Role;
        request.ClientToken = clientToken;
        request.Tags = AwsTags.ToList(tags);
        return request;
    }

    /// <summary>
    /// The CreateService clientToken: at most 36 printable ASCII characters, from the object's UID and the create
    /// attempt, so a retry after a crash reuses it and a re-create after an out-of-band delete does not.
    /// </summary>
    public static string ClientToken(string uid, int attempt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{uid}/{attempt}"));
        return Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>The spec as the JSON of ECS's request fields.</summary>
    public static JsonObject SpecFields(ServiceSpec spec)
    {
        var json = WireShape.ToNode(spec) as JsonObject ?? [];
        foreach (var field in NotRequestFields)
        {
            json.Remove(field);
        }

        return json;
    }
}
