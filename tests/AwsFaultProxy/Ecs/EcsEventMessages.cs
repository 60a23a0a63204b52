using System.Globalization;

namespace AwsFaultProxy.Ecs;

/// <summary>
/// Service event messages worded as ECS words them; <see cref="EmulatedService.AddEvent"/> prefixes
/// <c>(service name)</c>. Task ids are random, 32 hex digits, as ECS's are.
/// </summary>
internal static class EcsEventMessages
{
    public const string SteadyState = "has reached a steady state.";

    public const string UnableToStartTasks = "is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";

    public const string CircuitBreakerFailed = "ECS deployment circuit breaker: tasks failed to start.";

    public const string UnableToPlace = "was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";

    public static string StartedTasks(int count) => string.Create(CultureInfo.InvariantCulture, $"has started {count} tasks: {Tasks(count)}.");

    public static string StoppedTasks(int count) => string.Create(CultureInfo.InvariantCulture, $"has stopped {count} running tasks: {Tasks(count)}.");

    public static string DeploymentCompleted(string deploymentId) => $"(deployment {deploymentId}) deployment completed.";

    public static string DeploymentFailed(string deploymentId) => $"(deployment {deploymentId}) deployment failed: tasks failed to start.";

    public static string RollingBack(string deploymentId) => $"rolling back to deployment {deploymentId}.";

    public static string RollingBackReason(string deploymentId) => $"ECS deployment circuit breaker: rolling back to deploymentId {deploymentId}.";

    private static string Tasks(int count) =>
        string.Join(' ', Enumerable.Range(0, Math.Min(count, 10)).Select(_ => $"(task {Guid.NewGuid():N})"));
}
