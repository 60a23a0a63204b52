namespace EcsOperator.Aws.Core;

/// <summary>
/// Knobs on AWSSDK.Core's standard retry mode. The defaults (null) keep Core's own 3 attempts and backoff capped at
/// 20 s; Core's retry quota is off by default (see <see cref="RetryQuota"/>).
/// </summary>
public sealed record AwsRetryOptions
{
    /// <summary>Retries after the first attempt (Core's MaxErrorRetry).</summary>
    public int? MaxErrorRetry { get; init; }

    /// <summary>The cap on one backoff delay.</summary>
    public TimeSpan? MaxBackoff { get; init; }

    /// <summary>
    /// Core's retry quota (ThrottleRetries): a client-wide bucket (500, 5 per retry) that, once drained, stops every
    /// retry of every call until successes refill it. Off by default: the operator already paces every attempt,
    /// retries included, with its own per-API budget (Aws/Budget), and backs off per object. With the quota on, a
    /// sustained fault rate (the reliability suite's 30% throttles and 10% 5xx) drained it and left each call a single
    /// attempt, so a reconcile of several calls almost never got through: a binding's teardown failed 18 times in a
    /// row and did not finish in 180 s (seed 23886626, 4 runs of 4), while with the quota off the run passes.
    /// </summary>
    public bool RetryQuota { get; init; }
}
