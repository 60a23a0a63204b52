namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The one table of condition reasons, shared by every kind (DESIGN.md §4). A reason names what the object waits
/// for (Reconciling), what a human must fix (Stalled), or that AWS matches the spec (Ready).
/// </summary>
public static class ConditionReasons
{
    // Reconciling: work in progress; the operator retries by itself.
    public const string Creating = nameof(Creating);
    public const string Updating = nameof(Updating);
    public const string RollingOut = nameof(RollingOut);
    public const string DependencyNotReady = nameof(DependencyNotReady);
    public const string DependentsExist = nameof(DependentsExist);
    public const string WaitingForService = nameof(WaitingForService);
    public const string WaitingForLoadBalancer = nameof(WaitingForLoadBalancer);
    public const string Throttled = nameof(Throttled);
    public const string AwsError = nameof(AwsError);
    public const string Paused = nameof(Paused);

    // Stalled: progress needs a human.
    public const string InvalidSpec = nameof(InvalidSpec);
    public const string AlreadyExists = nameof(AlreadyExists);
    public const string AccessDenied = nameof(AccessDenied);
    public const string ImmutableFieldChanged = nameof(ImmutableFieldChanged);
    public const string RolloutFailed = nameof(RolloutFailed);
    public const string PriorityInUse = nameof(PriorityInUse);
    public const string AwsRejected = nameof(AwsRejected);

    // Ready.
    public const string Synced = nameof(Synced);

    public static IReadOnlyList<string> Reconciling { get; } =
        [Creating, Updating, RollingOut, DependencyNotReady, DependentsExist, WaitingForService, WaitingForLoadBalancer, Throttled, AwsError, Paused];

    public static IReadOnlyList<string> Stalled { get; } =
        [InvalidSpec, AlreadyExists, AccessDenied, ImmutableFieldChanged, RolloutFailed, PriorityInUse, AwsRejected];

    public static IReadOnlyList<string> Ready { get; } = [Synced];
}
