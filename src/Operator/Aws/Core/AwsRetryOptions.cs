namespace EcsOperator.Aws.Core;

/// <summary>
/// Knobs on AWSSDK.Core's standard retry mode. The defaults (null) keep Core's own: 3 attempts, backoff capped at
/// 20 s, and the retry quota that stops retry storms.
/// </summary>
public sealed record AwsRetryOptions
{
    /// <summary>Retries after the first attempt (Core's MaxErrorRetry).</summary>
    public int? MaxErrorRetry { get; init; }

    /// <summary>The cap on one backoff delay.</summary>
    public TimeSpan? MaxBackoff { get; init; }

    /// <summary>Core's retry quota (ThrottleRetries). Turning it off lets every call use all its retries.</summary>
    public bool RetryQuota { get; init; } = true;
}
