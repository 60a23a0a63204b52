using System.Text.Json.Nodes;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.TaskDefinition;

/// <summary>The RegisterTaskDefinition input of a spec, and its hash: two views of the same JSON.</summary>
public static class TaskDefinitionRequest
{
    /// <summary>The spec as JSON, the input of <see cref="TaskDefinitionSpecHash"/>.</summary>
    public static JsonObject SpecJson(TaskDefinitionSpec spec) => WireShape.ToNode(spec) as JsonObject ?? [];

    public static string HashOf(TaskDefinitionSpec spec, string family) => TaskDefinitionSpecHash.Compute(SpecJson(spec), family);

    /// <summary>
    /// The request exactly as the user wrote the spec (ECS applies its own defaults), with the family resolved and the
    /// tags map turned into ECS's list, plus the ownership and spec-hash tags that make registering crash-safe.
    /// </summary>
    public static Ecs.RegisterTaskDefinitionRequest Build(TaskDefinitionSpec spec, string family, IReadOnlyDictionary<string, string> operatorTags)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var json = SpecJson(spec);
        foreach (var field in new[] { "tags", "revisionHistoryLimit", "deletionPolicy" })
        {
            json.Remove(field);
        }

        var request = WireShape.Convert<Ecs.RegisterTaskDefinitionRequest>(json) ?? new Ecs.RegisterTaskDefinitionRequest();
        request.Family = family;
        request.Tags = AwsTags.ToList(AwsTags.Merge(spec.Tags, operatorTags));
        return request;
    }
}
