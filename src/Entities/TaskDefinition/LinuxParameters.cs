using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>Linux-specific container settings.</summary>
public sealed class LinuxParameters
{
    /// <summary>Kernel capabilities added to or dropped from Docker's default set.</summary>
    [JsonPropertyName("capabilities")]
    public KernelCapabilities? Capabilities { get; set; }

    /// <summary>Host devices exposed to the container (EC2 only).</summary>
    [JsonPropertyName("devices")]
    public IList<Device>? Devices { get; set; }

    /// <summary>Run an init process as PID 1 that forwards signals and reaps zombies.</summary>
    [JsonPropertyName("initProcessEnabled")]
    public bool? InitProcessEnabled { get; set; }

    /// <summary>Size of /dev/shm in MiB (EC2 only).</summary>
    [JsonPropertyName("sharedMemorySize")]
    public int? SharedMemorySize { get; set; }

    /// <summary>tmpfs mounts (EC2 only).</summary>
    [JsonPropertyName("tmpfs")]
    public IList<Tmpfs>? Tmpfs { get; set; }

    /// <summary>Swap the container may use, in MiB; 0 turns swap off (EC2 only).</summary>
    [JsonPropertyName("maxSwap")]
    public int? MaxSwap { get; set; }

    /// <summary>How eagerly pages are swapped, 0-100 (EC2 only).</summary>
    [Range(0, 100)]
    [JsonPropertyName("swappiness")]
    public int? Swappiness { get; set; }
}

/// <summary>Capabilities to add and drop, for example NET_ADMIN or SYS_PTRACE.</summary>
public sealed class KernelCapabilities
{
    /// <summary>Capabilities to add; Fargate allows only SYS_PTRACE.</summary>
    [JsonPropertyName("add")]
    public IList<string>? Add { get; set; }

    /// <summary>Capabilities to drop.</summary>
    [JsonPropertyName("drop")]
    public IList<string>? Drop { get; set; }
}

/// <summary>A host device mapped into the container.</summary>
public sealed class Device
{
    /// <summary>The device path on the host.</summary>
    [Required]
    [JsonPropertyName("hostPath")]
    public string HostPath { get; set; } = string.Empty;

    /// <summary>Where the device appears in the container; defaults to hostPath.</summary>
    [JsonPropertyName("containerPath")]
    public string? ContainerPath { get; set; }

    /// <summary>read, write and/or mknod; all three when omitted.</summary>
    [EnumValues(typeof(DeviceCgroupPermission))]
    [JsonPropertyName("permissions")]
    public IList<string>? Permissions { get; set; }
}

/// <summary>A tmpfs mount.</summary>
public sealed class Tmpfs
{
    /// <summary>Where it is mounted.</summary>
    [Required]
    [JsonPropertyName("containerPath")]
    public string ContainerPath { get; set; } = string.Empty;

    /// <summary>Its size in MiB.</summary>
    [Required]
    [JsonPropertyName("size")]
    public int Size { get; set; }

    /// <summary>Mount options such as noexec or nosuid.</summary>
    [JsonPropertyName("mountOptions")]
    public IList<string>? MountOptions { get; set; }
}
