using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;

namespace EcsOperator.Controllers.Service;

/// <summary>
/// ECS answers that mean "not yet" rather than "no": a change made a moment ago (an IAM role, a target group put on a
/// listener, the service just created) that ECS does not see yet. Bounded: Reconciling with a retry for up to
/// <see cref="Window"/> from the first such answer (kept in status, so a restart does not reset the clock), then
/// Stalled with ECS's message, since by then a human must look. Any successful sync clears it.
/// </summary>
public static class EventualConsistency
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The one list, matched as case-insensitive substrings of ECS's InvalidParameterException message. Where they come from:
    /// <list type="bullet">
    /// <item>"Unable to assume role and validate the specified targetGroupArn / the listeners configured on your load
    /// balancer. Please verify that the ECS service role being passed has the proper permissions.": CreateService and
    /// UpdateService with a load balancer while a new role propagates through IAM (hashicorp/terraform#4609, "a known
    /// issue related to eventually-consistent IAM"; hashicorp/terraform#14708 retries UpdateService on it).</item>
    /// <item>"Unable to assume the service linked role. Please verify that the ECS service linked role exists.": the
    /// AWSServiceRoleForECS role that ECS creates on first use is not visible yet (AWS docs, "Using service-linked
    /// roles for Amazon ECS").</item>
    /// <item>"The target group with targetGroupArn ... does not have an associated load balancer.": a listener rule made
    /// a moment ago (hashicorp/terraform-provider-aws#3495 retries CreateService on it).</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<string> TransientMessages { get; } =
    [
        "Please verify that the ECS service role being passed has the proper permissions",
        "Unable to assume role",
        "Unable to assume the service linked role",
        "does not have an associated load balancer",
    ];

    public static bool IsTransient(string? message) =>
        message is not null && TransientMessages.Any(m => message.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// DescribeServices says MISSING for the service this object created: "not yet" right after the create (ECS's
    /// reads lag behind CreateService), or while a wait for it is already running; otherwise the service is absent.
    /// </summary>
    public static bool IsMissingAfterCreate(ServiceStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Arn is not null && (status.TransientErrorSince is not null || (status.CreatedAt is { } created && now - created < Window));
    }

    /// <summary>
    /// Reconciling (AwsError, ECS's message) until <see cref="Window"/> has passed since the first occurrence, which it
    /// records in <paramref name="status"/>; then Stalled (AwsRejected) with the same message, re-checked after
    /// <paramref name="recheck"/>, because the fix (a role's policy) is invisible to Kubernetes.
    /// </summary>
    public static SyncOutcome Settle(ServiceStatus status, string ecsMessage, DateTimeOffset now, TimeSpan recheck)
    {
        ArgumentNullException.ThrowIfNull(status);
        var since = status.TransientErrorSince ??= now;
        var deadline = since + Window;
        return now < deadline
            ? SyncOutcome.Reconciling(ConditionReasons.AwsError, $"{ecsMessage} (ECS may not see a change made a moment ago; retrying until {deadline:u})", Retry)
            : SyncOutcome.Stalled(ConditionReasons.AwsRejected, $"{ecsMessage} (since {since:u}, for more than {Window.TotalMinutes:0} minutes)", recheck);
    }
}
