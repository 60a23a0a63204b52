using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>The transport protocol of a port mapping.</summary>
[AwsEnum("ecs", "TransportProtocol")]
public static class TransportProtocol
{
    public const string Tcp = "tcp";
    public const string Udp = "udp";
}

/// <summary>The application protocol Service Connect assumes for a port.</summary>
[AwsEnum("ecs", "ApplicationProtocol")]
public static class ApplicationProtocol
{
    public const string Http = "http";
    public const string Http2 = "http2";
    public const string Grpc = "grpc";
}

/// <summary>Where an environment file is stored.</summary>
[AwsEnum("ecs", "EnvironmentFileType")]
public static class EnvironmentFileType
{
    public const string S3 = "s3";
}

/// <summary>The state a container must reach before a dependent container starts.</summary>
[AwsEnum("ecs", "ContainerCondition")]
public static class ContainerCondition
{
    public const string Start = "START";
    public const string Complete = "COMPLETE";
    public const string Success = "SUCCESS";
    public const string Healthy = "HEALTHY";
}

/// <summary>A Linux resource limit.</summary>
[AwsEnum("ecs", "UlimitName")]
public static class UlimitName
{
    public const string Core = "core";
    public const string Cpu = "cpu";
    public const string Data = "data";
    public const string Fsize = "fsize";
    public const string Locks = "locks";
    public const string Memlock = "memlock";
    public const string Msgqueue = "msgqueue";
    public const string Nice = "nice";
    public const string Nofile = "nofile";
    public const string Nproc = "nproc";
    public const string Rss = "rss";
    public const string Rtprio = "rtprio";
    public const string Rttime = "rttime";
    public const string Sigpending = "sigpending";
    public const string Stack = "stack";
}

/// <summary>The log driver a container writes through.</summary>
[AwsEnum("ecs", "LogDriver")]
public static class LogDriver
{
    public const string JsonFile = "json-file";
    public const string Syslog = "syslog";
    public const string Journald = "journald";
    public const string Gelf = "gelf";
    public const string Fluentd = "fluentd";
    public const string Awslogs = "awslogs";
    public const string Splunk = "splunk";
    public const string Awsfirelens = "awsfirelens";
}

/// <summary>A special resource a container reserves.</summary>
[AwsEnum("ecs", "ResourceType")]
public static class ResourceType
{
    public const string Gpu = "GPU";
    public const string InferenceAccelerator = "InferenceAccelerator";
}

/// <summary>The FireLens log router flavour.</summary>
[AwsEnum("ecs", "FirelensConfigurationType")]
public static class FirelensConfigurationType
{
    public const string Fluentd = "fluentd";
    public const string Fluentbit = "fluentbit";
}

/// <summary>Whether ECS pins the image tag to a digest at deployment.</summary>
[AwsEnum("ecs", "VersionConsistency")]
public static class VersionConsistency
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";
}

/// <summary>A cgroup permission on a host device.</summary>
[AwsEnum("ecs", "DeviceCgroupPermission")]
public static class DeviceCgroupPermission
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Mknod = "mknod";
}
