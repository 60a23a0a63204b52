using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>How a deployment replaces running tasks.</summary>
public sealed class DeploymentConfiguration
{
    /// <summary>Roll back automatically when new tasks keep failing to reach a steady state.</summary>
    [JsonPropertyName("deploymentCircuitBreaker")]
    public DeploymentCircuitBreaker? DeploymentCircuitBreaker { get; set; }

    /// <summary>Upper bound on running plus pending tasks during a deployment, in percent of desiredCount.</summary>
    [Range(0, 2147483647)]
    [JsonPropertyName("maximumPercent")]
    public int? MaximumPercent { get; set; }

    /// <summary>Lower bound on healthy tasks during a deployment, in percent of desiredCount.</summary>
    [Range(0, 100)]
    [JsonPropertyName("minimumHealthyPercent")]
    public int? MinimumHealthyPercent { get; set; }

    /// <summary>CloudWatch alarms that fail (and optionally roll back) a deployment.</summary>
    [JsonPropertyName("alarms")]
    public DeploymentAlarms? Alarms { get; set; }

    /// <summary>ROLLING (default), BLUE_GREEN, LINEAR or CANARY.</summary>
    [EnumValues(typeof(DeploymentStrategy))]
    [JsonPropertyName("strategy")]
    public string? Strategy { get; set; }

    /// <summary>Minutes both revisions run side by side before a blue/green deployment finishes.</summary>
    [Range(0, 1440)]
    [JsonPropertyName("bakeTimeInMinutes")]
    public int? BakeTimeInMinutes { get; set; }

    /// <summary>Lambda functions or pauses invoked at deployment stages.</summary>
    [JsonPropertyName("lifecycleHooks")]
    public IList<DeploymentLifecycleHook>? LifecycleHooks { get; set; }

    /// <summary>Step size and bake time for LINEAR deployments.</summary>
    [JsonPropertyName("linearConfiguration")]
    public LinearConfiguration? LinearConfiguration { get; set; }

    /// <summary>Canary share and bake time for CANARY deployments.</summary>
    [JsonPropertyName("canaryConfiguration")]
    public CanaryConfiguration? CanaryConfiguration { get; set; }
}

/// <summary>The deployment circuit breaker.</summary>
public sealed class DeploymentCircuitBreaker
{
    /// <summary>Stop a deployment whose tasks keep failing.</summary>
    [Required]
    [JsonPropertyName("enable")]
    public bool Enable { get; set; }

    /// <summary>Return to the last completed deployment when the breaker trips.</summary>
    [Required]
    [JsonPropertyName("rollback")]
    public bool Rollback { get; set; }
}

/// <summary>CloudWatch alarms watched during deployments.</summary>
public sealed class DeploymentAlarms
{
    /// <summary>The alarm names.</summary>
    [Required]
    [JsonPropertyName("alarmNames")]
    public IList<string> AlarmNames { get; set; } = [];

    /// <summary>Roll back when an alarm fires.</summary>
    [Required]
    [JsonPropertyName("rollback")]
    public bool Rollback { get; set; }

    /// <summary>Watch the alarms.</summary>
    [Required]
    [JsonPropertyName("enable")]
    public bool Enable { get; set; }
}

/// <summary>A hook run at chosen stages of a deployment.</summary>
public sealed class DeploymentLifecycleHook
{
    /// <summary>AWS_LAMBDA or PAUSE.</summary>
    [EnumValues(typeof(DeploymentLifecycleHookTargetType))]
    [JsonPropertyName("targetType")]
    public string? TargetType { get; set; }

    /// <summary>The Lambda function ARN.</summary>
    [JsonPropertyName("hookTargetArn")]
    public string? HookTargetArn { get; set; }

    /// <summary>The role ECS assumes to invoke the hook.</summary>
    [JsonPropertyName("roleArn")]
    public string? RoleArn { get; set; }

    /// <summary>The stages the hook runs in, for example POST_TEST_TRAFFIC_SHIFT.</summary>
    [EnumValues(typeof(DeploymentLifecycleHookStage))]
    [JsonPropertyName("lifecycleStages")]
    public IList<string>? LifecycleStages { get; set; }

    /// <summary>Free-form JSON passed to the hook, nested at most 32 levels deep (the operator's limit; ECS documents none).</summary>
    [PreserveUnknownFields]
    [JsonConverter(typeof(FreeFormJsonConverter))]
    [FreeText(Keys = true)]
    [JsonPropertyName("hookDetails")]
    public IDictionary<string, object>? HookDetails { get; set; }

    /// <summary>How long the hook may take and what happens when it does not answer.</summary>
    [JsonPropertyName("timeoutConfiguration")]
    public DeploymentLifecycleHookTimeoutConfiguration? TimeoutConfiguration { get; set; }
}

/// <summary>A lifecycle hook's time limit.</summary>
public sealed class DeploymentLifecycleHookTimeoutConfiguration
{
    /// <summary>Minutes to wait for the hook.</summary>
    [JsonPropertyName("timeoutInMinutes")]
    public int? TimeoutInMinutes { get; set; }

    /// <summary>ROLLBACK or CONTINUE when the time is up.</summary>
    [EnumValues(typeof(DeploymentLifecycleHookAction))]
    [JsonPropertyName("action")]
    public string? Action { get; set; }
}

/// <summary>Settings for LINEAR deployments.</summary>
public sealed class LinearConfiguration
{
    /// <summary>Percent of traffic shifted per step.</summary>
    [JsonPropertyName("stepPercent")]
    public double? StepPercent { get; set; }

    /// <summary>Minutes between steps.</summary>
    [JsonPropertyName("stepBakeTimeInMinutes")]
    public int? StepBakeTimeInMinutes { get; set; }
}

/// <summary>Settings for CANARY deployments.</summary>
public sealed class CanaryConfiguration
{
    /// <summary>Percent of traffic sent to the new revision first.</summary>
    [JsonPropertyName("canaryPercent")]
    public double? CanaryPercent { get; set; }

    /// <summary>Minutes the canary runs before the rest of the traffic shifts.</summary>
    [JsonPropertyName("canaryBakeTimeInMinutes")]
    public int? CanaryBakeTimeInMinutes { get; set; }
}

/// <summary>The deployment controller.</summary>
public sealed class DeploymentController
{
    /// <summary>ECS, CODE_DEPLOY or EXTERNAL.</summary>
    [Required]
    [EnumValues(typeof(DeploymentControllerType))]
    [JsonPropertyName("type")]
    public string Type { get; set; } = DeploymentControllerType.Ecs;
}
