using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>Where tasks run.</summary>
[AwsEnum("ecs", "LaunchType")]
public static class LaunchType
{
    public const string Ec2 = "EC2";
    public const string Fargate = "FARGATE";
    public const string External = "EXTERNAL";
    public const string ManagedInstances = "MANAGED_INSTANCES";
}

/// <summary>Whether ECS rebalances tasks across Availability Zones.</summary>
[AwsEnum("ecs", "AvailabilityZoneRebalancing")]
public static class AvailabilityZoneRebalancing
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";
}

/// <summary>How the scheduler places tasks: a desired count, or one per instance.</summary>
[AwsEnum("ecs", "SchedulingStrategy")]
public static class SchedulingStrategy
{
    public const string Replica = "REPLICA";
    public const string Daemon = "DAEMON";
}

/// <summary>Where tasks copy their tags from.</summary>
[AwsEnum("ecs", "PropagateTags")]
public static class PropagateTags
{
    public const string TaskDefinition = "TASK_DEFINITION";
    public const string Service = "SERVICE";
    public const string None = "NONE";
}

/// <summary>How a new revision replaces the old one.</summary>
[AwsEnum("ecs", "DeploymentStrategy")]
public static class DeploymentStrategy
{
    public const string Rolling = "ROLLING";
    public const string BlueGreen = "BLUE_GREEN";
    public const string Linear = "LINEAR";
    public const string Canary = "CANARY";
}

/// <summary>What a deployment lifecycle hook invokes.</summary>
[AwsEnum("ecs", "DeploymentLifecycleHookTargetType")]
public static class DeploymentLifecycleHookTargetType
{
    public const string AwsLambda = "AWS_LAMBDA";
    public const string Pause = "PAUSE";
}

/// <summary>The deployment stage a lifecycle hook runs in.</summary>
[AwsEnum("ecs", "DeploymentLifecycleHookStage")]
public static class DeploymentLifecycleHookStage
{
    public const string ReconcileService = "RECONCILE_SERVICE";
    public const string PreScaleUp = "PRE_SCALE_UP";
    public const string PostScaleUp = "POST_SCALE_UP";
    public const string TestTrafficShift = "TEST_TRAFFIC_SHIFT";
    public const string PostTestTrafficShift = "POST_TEST_TRAFFIC_SHIFT";
    public const string PreProductionTrafficShift = "PRE_PRODUCTION_TRAFFIC_SHIFT";
    public const string ProductionTrafficShift = "PRODUCTION_TRAFFIC_SHIFT";
    public const string PostProductionTrafficShift = "POST_PRODUCTION_TRAFFIC_SHIFT";
}

/// <summary>What happens when a lifecycle hook times out.</summary>
[AwsEnum("ecs", "DeploymentLifecycleHookAction")]
public static class DeploymentLifecycleHookAction
{
    public const string Rollback = "ROLLBACK";
    public const string Continue = "CONTINUE";
}

/// <summary>The kind of service placement constraint.</summary>
[AwsEnum("ecs", "PlacementConstraintType")]
public static class PlacementConstraintType
{
    public const string DistinctInstance = "distinctInstance";
    public const string MemberOf = "memberOf";
}

/// <summary>How tasks are spread over instances.</summary>
[AwsEnum("ecs", "PlacementStrategyType")]
public static class PlacementStrategyType
{
    public const string Random = "random";
    public const string Spread = "spread";
    public const string Binpack = "binpack";
}

/// <summary>Whether task ENIs get a public IP.</summary>
[AwsEnum("ecs", "AssignPublicIp")]
public static class AssignPublicIp
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";
}

/// <summary>Who drives deployments.</summary>
[AwsEnum("ecs", "DeploymentControllerType")]
public static class DeploymentControllerType
{
    public const string Ecs = "ECS";
    public const string CodeDeploy = "CODE_DEPLOY";
    public const string External = "EXTERNAL";
}

/// <summary>The format of Service Connect access logs.</summary>
[AwsEnum("ecs", "ServiceConnectAccessLoggingFormat")]
public static class ServiceConnectAccessLoggingFormat
{
    public const string Text = "TEXT";
    public const string Json = "JSON";
}

/// <summary>Whether Service Connect access logs include query strings.</summary>
[AwsEnum("ecs", "ServiceConnectIncludeQueryParameters")]
public static class ServiceConnectIncludeQueryParameters
{
    public const string Disabled = "DISABLED";
    public const string Enabled = "ENABLED";
}

/// <summary>The filesystem of an ECS-managed EBS volume.</summary>
[AwsEnum("ecs", "TaskFilesystemType")]
public static class TaskFilesystemType
{
    public const string Ext3 = "ext3";
    public const string Ext4 = "ext4";
    public const string Xfs = "xfs";
    public const string Ntfs = "ntfs";
}

/// <summary>The resource a set of EBS tags applies to.</summary>
[AwsEnum("ecs", "EBSResourceType")]
public static class EBSResourceType
{
    public const string Volume = "volume";
}
