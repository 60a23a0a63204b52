using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>How the task's containers get their network.</summary>
[AwsEnum("ecs", "NetworkMode")]
public static class NetworkMode
{
    public const string Bridge = "bridge";
    public const string Host = "host";
    public const string Awsvpc = "awsvpc";
    public const string None = "none";
}

/// <summary>A launch type a task definition is validated against.</summary>
[AwsEnum("ecs", "Compatibility")]
public static class Compatibility
{
    public const string Ec2 = "EC2";
    public const string Fargate = "FARGATE";
    public const string External = "EXTERNAL";
    public const string ManagedInstances = "MANAGED_INSTANCES";
}

/// <summary>Which process namespace the containers share.</summary>
[AwsEnum("ecs", "PidMode")]
public static class PidMode
{
    public const string Host = "host";
    public const string Task = "task";
}

/// <summary>Which IPC namespace the containers share.</summary>
[AwsEnum("ecs", "IpcMode")]
public static class IpcMode
{
    public const string Host = "host";
    public const string Task = "task";
    public const string None = "none";
}

/// <summary>The CPU architecture the task runs on.</summary>
[AwsEnum("ecs", "CPUArchitecture")]
public static class CPUArchitecture
{
    public const string X86_64 = "X86_64";
    public const string Arm64 = "ARM64";
}

/// <summary>The operating system family the task runs on.</summary>
[AwsEnum("ecs", "OSFamily")]
public static class OSFamily
{
    public const string WindowsServer2019Full = "WINDOWS_SERVER_2019_FULL";
    public const string WindowsServer2019Core = "WINDOWS_SERVER_2019_CORE";
    public const string WindowsServer2016Full = "WINDOWS_SERVER_2016_FULL";
    public const string WindowsServer2004Core = "WINDOWS_SERVER_2004_CORE";
    public const string WindowsServer2022Core = "WINDOWS_SERVER_2022_CORE";
    public const string WindowsServer2022Full = "WINDOWS_SERVER_2022_FULL";
    public const string WindowsServer2025Core = "WINDOWS_SERVER_2025_CORE";
    public const string WindowsServer2025Full = "WINDOWS_SERVER_2025_FULL";
    public const string WindowsServer20h2Core = "WINDOWS_SERVER_20H2_CORE";
    public const string Linux = "LINUX";
}

/// <summary>The kind of task definition placement constraint.</summary>
[AwsEnum("ecs", "TaskDefinitionPlacementConstraintType")]
public static class TaskDefinitionPlacementConstraintType
{
    public const string MemberOf = "memberOf";
}

/// <summary>The service mesh proxy flavour.</summary>
[AwsEnum("ecs", "ProxyConfigurationType")]
public static class ProxyConfigurationType
{
    public const string Appmesh = "APPMESH";
}

/// <summary>How long a Docker volume lives.</summary>
[AwsEnum("ecs", "Scope")]
public static class Scope
{
    public const string Task = "task";
    public const string Shared = "shared";
}

/// <summary>Whether EFS traffic is encrypted in transit.</summary>
[AwsEnum("ecs", "EFSTransitEncryption")]
public static class EFSTransitEncryption
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";
}

/// <summary>Whether the task role is used to authorize EFS access.</summary>
[AwsEnum("ecs", "EFSAuthorizationConfigIAM")]
public static class EFSAuthorizationConfigIAM
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";
}
