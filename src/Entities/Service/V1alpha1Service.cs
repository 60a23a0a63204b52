using EcsOperator.Entities.Schema;
using k8s.Models;

namespace EcsOperator.Entities;

/// <summary>
/// An ECS service: keeps desiredCount tasks of a task definition running in a cluster and rolls them on change.
/// Ready means the primary deployment completed and every desired task runs.
/// </summary>
[KubernetesEntity(Group = EntityGroup.Group, ApiVersion = EntityGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("ecss")]
[Categories("ecs", "all-ecs")]
[PrinterColumn(1, "Service", "string", ".status.serviceName", Description = "The ECS service name")]
[PrinterColumn(2, "Desired", "integer", ".status.desiredCount", Description = "Tasks ECS keeps running")]
[PrinterColumn(3, "Running", "integer", ".status.runningCount", Description = "Tasks running now")]
[PrinterColumn(4, "Rollout", "string", ".status.rolloutState", Description = "The primary deployment's rollout state")]
[PrinterColumn(5, "TaskDefinition", "string", ".status.taskDefinitionRevision", Description = "family:revision the service runs")]
[PrinterColumn(6, "ARN", "string", ".status.arn", Description = "The ECS service ARN", Priority = 1)]
[CelRule(
    "(has(self.spec.serviceName) ? self.spec.serviceName : self.metadata.name) == (has(oldSelf.spec.serviceName) ? oldSelf.spec.serviceName : oldSelf.metadata.name)",
    "spec.serviceName is immutable: ECS services cannot be renamed",
    FieldPath = ".spec.serviceName")]
public sealed class V1alpha1Service : CustomResource<ServiceSpec, ServiceStatus>
{
    public const string KindName = "Service";
    public const string Plural = "services";

    public V1alpha1Service() => Kind = KindName;
}
