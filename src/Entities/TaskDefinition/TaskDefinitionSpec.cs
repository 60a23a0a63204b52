using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>The task definition the user asks for: ECS's RegisterTaskDefinition input, with tags as a map.</summary>
public sealed class TaskDefinitionSpec : IDeletionPolicySpec
{
    /// <summary>The family name. Defaults to metadata.name; cannot be changed once set.</summary>
    [MaxLength(255)]
    [JsonPropertyName("family")]
    public string? Family { get; set; }

    /// <summary>The IAM role the application inside the containers assumes.</summary>
    [MaxLength(2048)]
    [JsonPropertyName("taskRoleArn")]
    public string? TaskRoleArn { get; set; }

    /// <summary>The IAM role the ECS agent uses to pull images, fetch secrets and write logs.</summary>
    [MaxLength(2048)]
    [JsonPropertyName("executionRoleArn")]
    public string? ExecutionRoleArn { get; set; }

    /// <summary>The network mode; Fargate requires awsvpc.</summary>
    [EnumValues(typeof(NetworkMode))]
    [JsonPropertyName("networkMode")]
    public string? NetworkMode { get; set; }

    /// <summary>The containers of the task (at most 10).</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(10)]
    [JsonPropertyName("containerDefinitions")]
    public IList<ContainerDefinition> ContainerDefinitions { get; set; } = [];

    /// <summary>Volumes the containers can mount.</summary>
    [MaxLength(100)]
    [JsonPropertyName("volumes")]
    public IList<Volume>? Volumes { get; set; }

    /// <summary>Constraints on the container instances the task may be placed on (EC2 only).</summary>
    [MaxLength(10)]
    [JsonPropertyName("placementConstraints")]
    public IList<TaskDefinitionPlacementConstraint>? PlacementConstraints { get; set; }

    /// <summary>Launch types to validate the task definition against, for example FARGATE.</summary>
    [MaxLength(4)]
    [EnumValues(typeof(Compatibility))]
    [JsonPropertyName("requiresCompatibilities")]
    public IList<string>? RequiresCompatibilities { get; set; }

    /// <summary>Task-level CPU, in CPU units ("256") or vCPU ("0.25 vCPU"); required on Fargate.</summary>
    [MaxLength(32)]
    [JsonPropertyName("cpu")]
    public string? Cpu { get; set; }

    /// <summary>Task-level memory, in MiB ("512") or GB ("0.5 GB"); required on Fargate.</summary>
    [MaxLength(32)]
    [JsonPropertyName("memory")]
    public string? Memory { get; set; }

    /// <summary>Tags for every revision, merged with the operator's ownership and spec-hash tags (so at most 47).</summary>
    [TagMap(OperatorTags = TagRules.TaskDefinitionOperatorTags)]
    [JsonPropertyName("tags")]
    public IDictionary<string, string>? Tags { get; set; }

    /// <summary>Share the host's (host) or the task's (task) process namespace between containers.</summary>
    [EnumValues(typeof(PidMode))]
    [JsonPropertyName("pidMode")]
    public string? PidMode { get; set; }

    /// <summary>The IPC namespace the containers use: host, task or none.</summary>
    [EnumValues(typeof(IpcMode))]
    [JsonPropertyName("ipcMode")]
    public string? IpcMode { get; set; }

    /// <summary>An App Mesh proxy the task's traffic is routed through.</summary>
    [JsonPropertyName("proxyConfiguration")]
    public ProxyConfiguration? ProxyConfiguration { get; set; }

    /// <summary>Elastic Inference accelerators (deprecated by AWS, kept for completeness).</summary>
    [JsonPropertyName("inferenceAccelerators")]
    public IList<InferenceAccelerator>? InferenceAccelerators { get; set; }

    /// <summary>Fargate ephemeral storage beyond the default 20 GiB.</summary>
    [JsonPropertyName("ephemeralStorage")]
    public EphemeralStorage? EphemeralStorage { get; set; }

    /// <summary>CPU architecture and operating system family.</summary>
    [JsonPropertyName("runtimePlatform")]
    public RuntimePlatform? RuntimePlatform { get; set; }

    /// <summary>Allow AWS Fault Injection Service actions against the task.</summary>
    [JsonPropertyName("enableFaultInjection")]
    public bool? EnableFaultInjection { get; set; }

    /// <summary>How many ACTIVE revisions registered by the operator to keep; older ones are deregistered.</summary>
    [DefaultValue(10)]
    [Range(1, 1000)]
    [JsonPropertyName("revisionHistoryLimit")]
    public int? RevisionHistoryLimit { get; set; }

    /// <summary>Delete (default) deregisters and deletes the revisions the operator registered; Retain leaves them.</summary>
    [JsonPropertyName("deletionPolicy")]
    public DeletionPolicy? DeletionPolicy { get; set; }
}
