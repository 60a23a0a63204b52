namespace EcsOperator.Aws;

/// <summary>
/// The one classification of AWS failures. Reconcilers use it for conditions (AccessDenied and Invalid stall; NotFound
/// is success during teardown) and retries (Throttled and Transient back off and never surface as Stalled).
/// </summary>
public enum AwsErrorClass
{
    Unknown,
    Throttled,
    Transient,
    NotFound,
    Conflict,
    AccessDenied,
    Invalid,
}
