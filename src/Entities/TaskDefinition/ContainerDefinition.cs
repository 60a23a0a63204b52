using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>One container of the task, in ECS's ContainerDefinition shape.</summary>
public sealed class ContainerDefinition
{
    /// <summary>The container name, unique in the task; links, dependsOn and load balancers refer to it.</summary>
    [Required]
    [MaxLength(255)]
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The image, as repository-url/image:tag or image@digest.</summary>
    [Required]
    [MaxLength(1024)]
    [JsonPropertyName("image")]
    public string Image { get; set; } = string.Empty;

    /// <summary>Credentials for a private registry outside ECR.</summary>
    [JsonPropertyName("repositoryCredentials")]
    public RepositoryCredentials? RepositoryCredentials { get; set; }

    /// <summary>CPU units reserved for the container (1024 = one vCPU).</summary>
    [JsonPropertyName("cpu")]
    public int? Cpu { get; set; }

    /// <summary>Hard memory limit in MiB; the container is killed above it.</summary>
    [JsonPropertyName("memory")]
    public int? Memory { get; set; }

    /// <summary>Soft memory reservation in MiB.</summary>
    [JsonPropertyName("memoryReservation")]
    public int? MemoryReservation { get; set; }

    /// <summary>Legacy Docker links to other containers (bridge mode only).</summary>
    [JsonPropertyName("links")]
    public IList<string>? Links { get; set; }

    /// <summary>Ports the container listens on.</summary>
    [MaxLength(100)]
    [JsonPropertyName("portMappings")]
    public IList<PortMapping>? PortMappings { get; set; }

    /// <summary>Whether the task stops when this container stops (ECS's default is true).</summary>
    [JsonPropertyName("essential")]
    public bool? Essential { get; set; }

    /// <summary>Restart the container in place when it exits, instead of replacing the task.</summary>
    [JsonPropertyName("restartPolicy")]
    public ContainerRestartPolicy? RestartPolicy { get; set; }

    /// <summary>Overrides the image's ENTRYPOINT.</summary>
    [FreeText]
    [JsonPropertyName("entryPoint")]
    public IList<string>? EntryPoint { get; set; }

    /// <summary>Overrides the image's CMD.</summary>
    [FreeText]
    [JsonPropertyName("command")]
    public IList<string>? Command { get; set; }

    /// <summary>Plain environment variables; use secrets for sensitive values.</summary>
    [JsonPropertyName("environment")]
    public IList<NameValuePair>? Environment { get; set; }

    /// <summary>S3 objects holding VAR=value lines, loaded at container start.</summary>
    [MaxLength(10)]
    [JsonPropertyName("environmentFiles")]
    public IList<EnvironmentFile>? EnvironmentFiles { get; set; }

    /// <summary>Task volumes mounted into the container.</summary>
    [JsonPropertyName("mountPoints")]
    public IList<MountPoint>? MountPoints { get; set; }

    /// <summary>Mount all volumes of another container of the task.</summary>
    [JsonPropertyName("volumesFrom")]
    public IList<VolumeFrom>? VolumesFrom { get; set; }

    /// <summary>Linux-specific settings: capabilities, devices, init process, shared memory, tmpfs, swap.</summary>
    [JsonPropertyName("linuxParameters")]
    public LinuxParameters? LinuxParameters { get; set; }

    /// <summary>Environment variables filled from Secrets Manager or SSM Parameter Store.</summary>
    [JsonPropertyName("secrets")]
    public IList<Secret>? Secrets { get; set; }

    /// <summary>Containers that must reach a state before this one starts.</summary>
    [JsonPropertyName("dependsOn")]
    public IList<ContainerDependency>? DependsOn { get; set; }

    /// <summary>Seconds to wait for dependencies before giving up on starting this container.</summary>
    [JsonPropertyName("startTimeout")]
    public int? StartTimeout { get; set; }

    /// <summary>Seconds between SIGTERM and SIGKILL when the container is stopped.</summary>
    [JsonPropertyName("stopTimeout")]
    public int? StopTimeout { get; set; }

    /// <summary>Whether ECS resolves the image tag to a digest once per deployment (enabled) or not.</summary>
    [EnumValues(typeof(VersionConsistency))]
    [JsonPropertyName("versionConsistency")]
    public string? VersionConsistency { get; set; }

    /// <summary>The container's hostname (not with awsvpc).</summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; set; }

    /// <summary>The user (and optionally group) the process runs as, by name or id.</summary>
    [JsonPropertyName("user")]
    public string? User { get; set; }

    /// <summary>The working directory of the command.</summary>
    [JsonPropertyName("workingDirectory")]
    public string? WorkingDirectory { get; set; }

    /// <summary>Turn off networking inside the container.</summary>
    [JsonPropertyName("disableNetworking")]
    public bool? DisableNetworking { get; set; }

    /// <summary>Run with elevated host privileges (EC2 only).</summary>
    [JsonPropertyName("privileged")]
    public bool? Privileged { get; set; }

    /// <summary>Mount the root filesystem read-only.</summary>
    [JsonPropertyName("readonlyRootFilesystem")]
    public bool? ReadonlyRootFilesystem { get; set; }

    /// <summary>DNS servers for the container (not with awsvpc).</summary>
    [JsonPropertyName("dnsServers")]
    public IList<string>? DnsServers { get; set; }

    /// <summary>DNS search domains for the container (not with awsvpc).</summary>
    [JsonPropertyName("dnsSearchDomains")]
    public IList<string>? DnsSearchDomains { get; set; }

    /// <summary>Extra lines for /etc/hosts (not with awsvpc).</summary>
    [JsonPropertyName("extraHosts")]
    public IList<HostEntry>? ExtraHosts { get; set; }

    /// <summary>SELinux, AppArmor or credential-spec options passed to Docker (EC2 only).</summary>
    [JsonPropertyName("dockerSecurityOptions")]
    public IList<string>? DockerSecurityOptions { get; set; }

    /// <summary>Keep stdin open (docker run -i).</summary>
    [JsonPropertyName("interactive")]
    public bool? Interactive { get; set; }

    /// <summary>Allocate a TTY (docker run -t).</summary>
    [JsonPropertyName("pseudoTerminal")]
    public bool? PseudoTerminal { get; set; }

    /// <summary>Docker labels set on the container.</summary>
    [FreeText(Keys = true)]
    [JsonPropertyName("dockerLabels")]
    public IDictionary<string, string>? DockerLabels { get; set; }

    /// <summary>Resource limits (ulimit) for the container's processes.</summary>
    [JsonPropertyName("ulimits")]
    public IList<Ulimit>? Ulimits { get; set; }

    /// <summary>Where the container's output goes.</summary>
    [JsonPropertyName("logConfiguration")]
    public LogConfiguration? LogConfiguration { get; set; }

    /// <summary>A command Docker runs to decide whether the container is healthy.</summary>
    [JsonPropertyName("healthCheck")]
    public HealthCheck? HealthCheck { get; set; }

    /// <summary>Namespaced kernel parameters (sysctl) for the container.</summary>
    [JsonPropertyName("systemControls")]
    public IList<SystemControl>? SystemControls { get; set; }

    /// <summary>GPUs or inference accelerators reserved for the container.</summary>
    [JsonPropertyName("resourceRequirements")]
    public IList<ResourceRequirement>? ResourceRequirements { get; set; }

    /// <summary>Makes this container a FireLens log router for the others.</summary>
    [JsonPropertyName("firelensConfiguration")]
    public FirelensConfiguration? FirelensConfiguration { get; set; }

    /// <summary>Active Directory credential specs (gMSA) for Windows or Linux containers, as ARNs or file paths.</summary>
    [JsonPropertyName("credentialSpecs")]
    public IList<string>? CredentialSpecs { get; set; }
}
