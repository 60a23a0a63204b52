using EcsOperator.Entities.Schema;
using k8s.Models;

namespace EcsOperator.Entities;

/// <summary>An ECS cluster: a named home for services and tasks, with its capacity providers and settings.</summary>
[KubernetesEntity(Group = EntityGroup.Group, ApiVersion = EntityGroup.Version, Kind = KindName, PluralName = Plural)]
[ShortNames("ecsc")]
[Categories("ecs", "all-ecs")]
[PrinterColumn(1, "Cluster", "string", ".status.clusterName", Description = "The ECS cluster name")]
[PrinterColumn(2, "State", "string", ".status.state", Description = "ACTIVE, PROVISIONING, ...")]
[PrinterColumn(3, "Services", "integer", ".status.activeServicesCount", Description = "Active services in the cluster")]
[PrinterColumn(4, "Running", "integer", ".status.runningTasksCount", Description = "Running tasks in the cluster")]
[PrinterColumn(5, "ARN", "string", ".status.arn", Priority = 1)]
[CelRule(
    "(has(self.spec.clusterName) ? self.spec.clusterName : self.metadata.name) == (has(oldSelf.spec.clusterName) ? oldSelf.spec.clusterName : oldSelf.metadata.name)",
    "spec.clusterName is immutable: the ECS cluster cannot be renamed",
    FieldPath = ".spec.clusterName")]
public sealed class V1alpha1Cluster : CustomResource<ClusterSpec, ClusterStatus>
{
    public const string KindName = "Cluster";
    public const string Plural = "clusters";

    public V1alpha1Cluster() => Kind = KindName;
}
