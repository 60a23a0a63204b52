using EcsOperator.Entities.Schema;
using k8s.Models;

namespace EcsOperator.Entities;

/// <summary>
/// An ECS task definition family. Every spec change registers a new revision; services that reference
/// this object roll to it, and revisions beyond revisionHistoryLimit are deregistered.
/// </summary>
[KubernetesEntity(Group = EntityGroup.Group, ApiVersion = EntityGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("ecstd")]
[Categories("ecs", "all-ecs")]
[PrinterColumn(1, "Family", "string", ".status.family", Description = "The task definition family")]
[PrinterColumn(2, "Revision", "integer", ".status.revision", Description = "The revision matching the current spec")]
[PrinterColumn(3, "Active", "integer", ".status.activeRevisions", Description = "ACTIVE revisions the operator keeps")]
[PrinterColumn(4, "ARN", "string", ".status.arn", Priority = 1)]
[CelRule(
    "(has(self.spec.family) ? self.spec.family : self.metadata.name) == (has(oldSelf.spec.family) ? oldSelf.spec.family : oldSelf.metadata.name)",
    "spec.family is immutable: create a new TaskDefinition for a new family",
    FieldPath = ".spec.family")]
public sealed class V1alpha1TaskDefinition : CustomResource<TaskDefinitionSpec, TaskDefinitionStatus>
{
    public const string KindName = "TaskDefinition";
    public const string Plural = "taskdefinitions";

    public V1alpha1TaskDefinition() => Kind = KindName;
}
