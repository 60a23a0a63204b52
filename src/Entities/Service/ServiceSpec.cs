using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>The ECS service the user asks for: ECS's CreateService input, with references to other objects.</summary>
[CelRule("has(self.clusterRef) != has(self.cluster)", "set exactly one of clusterRef and cluster")]
[CelRule("has(self.taskDefinitionRef) != has(self.taskDefinition)", "set exactly one of taskDefinitionRef and taskDefinition")]
[CelRule("!(has(self.launchType) && has(self.capacityProviderStrategy))", "set at most one of launchType and capacityProviderStrategy")]
public sealed class ServiceSpec : IDeletionPolicySpec
{
    /// <summary>The ECS service name. Defaults to metadata.name; cannot be changed once set.</summary>
    [MaxLength(255)]
    [JsonPropertyName("serviceName")]
    public string? ServiceName { get; set; }

    /// <summary>A Cluster object in this namespace. Set this or cluster.</summary>
    [JsonPropertyName("clusterRef")]
    public LocalObjectReference? ClusterRef { get; set; }

    /// <summary>The name or ARN of an ECS cluster not managed by a Cluster object. Set this or clusterRef.</summary>
    [MaxLength(2048)]
    [JsonPropertyName("cluster")]
    public string? Cluster { get; set; }

    /// <summary>A TaskDefinition object in this namespace; the service follows its latest revision. Set this or taskDefinition.</summary>
    [JsonPropertyName("taskDefinitionRef")]
    public LocalObjectReference? TaskDefinitionRef { get; set; }

    /// <summary>family:revision, a family (its latest ACTIVE revision) or an ARN. Set this or taskDefinitionRef.</summary>
    [MaxLength(2048)]
    [JsonPropertyName("taskDefinition")]
    public string? TaskDefinition { get; set; }

    /// <summary>Tasks to keep running. Leave it out to let Application Auto Scaling own the count.</summary>
    [Range(0, 100000)]
    [JsonPropertyName("desiredCount")]
    public int? DesiredCount { get; set; }

    /// <summary>Where tasks run. Leave both this and capacityProviderStrategy out to use the cluster's default strategy.</summary>
    [EnumValues(typeof(LaunchType))]
    [JsonPropertyName("launchType")]
    public string? LaunchType { get; set; }

    /// <summary>Capacity providers and their weights, instead of launchType.</summary>
    [MaxLength(20)]
    [JsonPropertyName("capacityProviderStrategy")]
    public IList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; set; }

    /// <summary>The Fargate platform version, for example LATEST or 1.4.0.</summary>
    [MaxLength(64)]
    [JsonPropertyName("platformVersion")]
    public string? PlatformVersion { get; set; }

    /// <summary>A legacy IAM role for Classic Load Balancers without awsvpc; usually left out (the service-linked role is used).</summary>
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    /// <summary>How deployments replace tasks: percentages, circuit breaker, alarms, strategy and hooks.</summary>
    [JsonPropertyName("deploymentConfiguration")]
    public DeploymentConfiguration? DeploymentConfiguration { get; set; }

    /// <summary>Rules for which container instances may run the tasks (EC2 only).</summary>
    [MaxLength(10)]
    [JsonPropertyName("placementConstraints")]
    public IList<PlacementConstraint>? PlacementConstraints { get; set; }

    /// <summary>How tasks are spread across instances and zones (EC2 only).</summary>
    [MaxLength(5)]
    [JsonPropertyName("placementStrategy")]
    public IList<PlacementStrategy>? PlacementStrategy { get; set; }

    /// <summary>Subnets, security groups and public IP assignment for awsvpc tasks.</summary>
    [JsonPropertyName("networkConfiguration")]
    public NetworkConfiguration? NetworkConfiguration { get; set; }

    /// <summary>Seconds after a task starts during which failing load balancer health checks are ignored.</summary>
    [Range(0, 2147483647)]
    [JsonPropertyName("healthCheckGracePeriodSeconds")]
    public int? HealthCheckGracePeriodSeconds { get; set; }

    /// <summary>REPLICA (desiredCount tasks) or DAEMON (one per container instance).</summary>
    [EnumValues(typeof(SchedulingStrategy))]
    [JsonPropertyName("schedulingStrategy")]
    public string? SchedulingStrategy { get; set; }

    /// <summary>Who runs deployments: ECS (default), CODE_DEPLOY or EXTERNAL.</summary>
    [JsonPropertyName("deploymentController")]
    public DeploymentController? DeploymentController { get; set; }

    /// <summary>Let ECS add its own aws:ecs:* tags to the tasks.</summary>
    [JsonPropertyName("enableECSManagedTags")]
    public bool? EnableECSManagedTags { get; set; }

    /// <summary>Copy tags to tasks from the SERVICE, the TASK_DEFINITION, or NONE.</summary>
    [EnumValues(typeof(PropagateTags))]
    [JsonPropertyName("propagateTags")]
    public string? PropagateTags { get; set; }

    /// <summary>Allow ECS Exec into the service's containers.</summary>
    [JsonPropertyName("enableExecuteCommand")]
    public bool? EnableExecuteCommand { get; set; }

    /// <summary>Service Connect: service discovery and a managed proxy between services of a namespace.</summary>
    [JsonPropertyName("serviceConnectConfiguration")]
    public ServiceConnectConfiguration? ServiceConnectConfiguration { get; set; }

    /// <summary>Volumes created at launch for task definition volumes marked configuredAtLaunch.</summary>
    [MaxLength(1)]
    [JsonPropertyName("volumeConfigurations")]
    public IList<ServiceVolumeConfiguration>? VolumeConfigurations { get; set; }

    /// <summary>VPC Lattice target groups the tasks register with.</summary>
    [MaxLength(5)]
    [JsonPropertyName("vpcLatticeConfigurations")]
    public IList<VpcLatticeConfiguration>? VpcLatticeConfigurations { get; set; }

    /// <summary>Cloud Map registries the tasks are registered in.</summary>
    [MaxLength(1)]
    [JsonPropertyName("serviceRegistries")]
    public IList<ServiceRegistry>? ServiceRegistries { get; set; }

    /// <summary>Let ECS move tasks to even out Availability Zones.</summary>
    [EnumValues(typeof(AvailabilityZoneRebalancing))]
    [JsonPropertyName("availabilityZoneRebalancing")]
    public string? AvailabilityZoneRebalancing { get; set; }

    /// <summary>Tags for the service, merged with the operator's ownership tags.</summary>
    [TagMap]
    [JsonPropertyName("tags")]
    public IDictionary<string, string>? Tags { get; set; }

    /// <summary>Delete (default) scales the service to 0 and deletes it with the object; Retain leaves it running.</summary>
    [JsonPropertyName("deletionPolicy")]
    public DeletionPolicy? DeletionPolicy { get; set; }
}
